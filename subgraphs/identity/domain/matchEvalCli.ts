/**
 * `npm run match:eval -- --clusters clusters.jsonl --truth truth.jsonl`
 * `npm run match:eval -- --input parties.jsonl --truth truth.jsonl [--model model.json] [--output clusters.jsonl]`
 * `npm run match:eval -- --dataset DIR [--model model.json] [--output clusters.jsonl]`
 *
 * Prints pairwise precision, recall and F1 of a clustering against the truth. With --input or
 * --dataset it runs the matcher first (training on the input unless --model is given) and also
 * prints the blocking's pairs completeness and reduction ratio.
 */
import { join } from 'node:path';
import { DATASET_FILES } from '../../../simulators/dataset/records';
import { blockingQuality, type BlockingQuality } from './blockingMetrics';
import { matchCommand, parseCommand, runCommand } from './cliCommand';
import { readClusterLines, writeClusterLines } from './clusterLines';
import { datasetNormalisedParties } from './datasetParties';
import { MatchUsageError } from './matchErrors';
import { loadConfigAndModel, readNormalisedParties, readTruthIndex } from './matchFiles';
import { pairwiseScore, type PairwiseScore } from './pairwiseMetrics';
import { dedupeAndSort, resolvedClusters, runLinkageForEvaluation, type ResolvedCluster, type ResolutionStats } from './resolveParties';
import { NO_OVERRIDES } from './stewardOverrides';

export interface EvalArgs {
  clusters?: string;
  truth?: string;
  input?: string;
  dataset?: string;
  output?: string;
  config?: string;
  model?: string;
}

export function evalCliCommand() {
  return matchCommand('match:eval', 'Score a clustering against the truth: precision, recall, F1, pairs completeness, reduction ratio.')
    .option('--clusters <file>', 'clusters to score (as written by `npm run match`)')
    .option('--truth <file>', 'the truth: one {personId, keys} per line (a dataset truth.jsonl, or match:febrl output)')
    .option('--input <file>', 'source parties to match first, then score')
    .option('--dataset <dir>', 'a generated dataset directory: match its records, score against its truth.jsonl')
    .option('--output <file>', 'where to write the clusters of the run (with --input or --dataset)')
    .option('--model <file>', 'a model written by `npm run match:train` (default: train one on the input)')
    .option('--config <file>', 'a partial match config');
}

export interface EvalResult {
  score: PairwiseScore;
  clusters: number;
  records: number;
  /** When the matcher ran: how well blocking did, and what the run counted. */
  blocking?: BlockingQuality;
  stats?: ResolutionStats;
}

export async function runEval(args: EvalArgs): Promise<EvalResult> {
  const sources = [args.clusters, args.input, args.dataset].filter((x) => x !== undefined).length;
  if (sources !== 1) throw new MatchUsageError('give exactly one of --clusters, --input or --dataset (see --help)');
  if (args.dataset === undefined && args.truth === undefined) throw new MatchUsageError('--truth is required with --clusters and --input');
  const truth = await readTruthIndex(args.truth ?? join(args.dataset!, DATASET_FILES.truth));
  if (args.clusters !== undefined) {
    const clusters: ResolvedCluster[] = [];
    for await (const cluster of readClusterLines(args.clusters)) clusters.push(cluster);
    return { score: pairwiseScore(clusters, truth), clusters: clusters.length, records: clusters.reduce((n, c) => n + c.members.length, 0) };
  }
  const config = await loadConfigAndModel(args.config, args.model);
  const parties = args.input !== undefined ? await readNormalisedParties(args.input) : await datasetNormalisedParties(args.dataset!);
  const run = runLinkageForEvaluation(dedupeAndSort(parties), config, NO_OVERRIDES);
  const clusters = resolvedClusters(run);
  if (args.output) await writeClusterLines(args.output, clusters);
  return {
    score: pairwiseScore(clusters, truth),
    clusters: clusters.length,
    records: run.sorted.length,
    blocking: blockingQuality(run.sorted, run.blocking, run.stats.candidatePairs, truth),
    stats: run.stats,
  };
}

export function formatEval(result: EvalResult): string {
  const s = result.score;
  const lines = [
    `records ${result.records}, clusters ${result.clusters}`,
    `pairs: predicted ${s.predictedPairs}, true ${s.truePairs}, correct ${s.truePositivePairs}`,
    `precision ${s.precision.toFixed(4)}`,
    `recall    ${s.recall.toFixed(4)}`,
    `f1        ${s.f1.toFixed(4)}`,
  ];
  if (result.blocking) {
    const b = result.blocking;
    lines.push(
      `blocking: candidate pairs ${b.candidatePairs} of ${b.recordPairs}, true pairs compared ${b.truePairsCompared} of ${b.truePairs}`,
      `pairs completeness ${b.pairsCompleteness.toFixed(4)}`,
      `reduction ratio    ${b.reductionRatio.toFixed(6)}`,
    );
  }
  if (result.stats) {
    const t = result.stats;
    lines.push(`model ${t.trained ? 'trained on the input' : 'given'}; linked pairs ${t.linkedPairs + t.rulePairs}, review ${t.reviewPairs}, merges refused by cohesion ${t.refusedCohesion}, by size ${t.refusedSize}`);
  }
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseCommand<EvalArgs>(evalCliCommand(), argv);
  if (typeof options === 'number') return options;
  return runCommand('match:eval', async () => {
    process.stdout.write(formatEval(await runEval(options)) + '\n');
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

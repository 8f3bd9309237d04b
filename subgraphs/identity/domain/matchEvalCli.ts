/**
 * `npm run match:eval -- --clusters clusters.jsonl --truth truth.jsonl`
 * `npm run match:eval -- --dataset DIR [--output clusters.jsonl] [--config cfg.json]`
 *
 * Prints pairwise precision, recall and F1 of a clustering against the generator's truth. With
 * --dataset it first builds the parties from the dataset's record files (as the adapters would)
 * and runs the matcher on them.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetFormatError, DatasetMissingError } from '../../../simulators/dataset/datasetErrors';
import { DATASET_FILES } from '../../../simulators/dataset/records';
import { readClusterLines, writeClusterLines } from './clusterLines';
import { datasetParties } from './datasetParties';
import { loadMatchConfig } from './matchCli';
import { MatchInputError, MatchUsageError } from './matchErrors';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { indexTruthPerson, pairwiseScore, type PairwiseScore, type TruthPerson } from './pairwiseMetrics';
import { readLines } from './partyLines';
import { resolveNormalisedParties, type ResolvedCluster } from './resolveParties';

export const EVAL_USAGE =
  'usage: npm run match:eval -- --clusters clusters.jsonl --truth truth.jsonl\n' +
  '       npm run match:eval -- --dataset DIR [--output clusters.jsonl] [--config match-config.json]';

export async function readTruthIndex(file: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for await (const { line, lineNumber } of readLines(file)) {
    let person: TruthPerson;
    try {
      person = JSON.parse(line) as TruthPerson;
    } catch {
      throw new MatchInputError('line is not valid JSON', file, lineNumber);
    }
    if (!person || typeof person.personId !== 'string' || typeof person.keys !== 'object' || person.keys === null) {
      throw new MatchInputError('line is not a truth person {personId, keys}', file, lineNumber);
    }
    indexTruthPerson(index, person);
  }
  return index;
}

export interface EvalArgs {
  clusters?: string;
  truth?: string;
  dataset?: string;
  output?: string;
  config?: string;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { clusters: { type: 'string' }, truth: { type: 'string' }, dataset: { type: 'string' }, output: { type: 'string' }, config: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new MatchUsageError(`${(error as Error).message}\n${EVAL_USAGE}`);
  }
  const args = values as EvalArgs;
  if (args.dataset === undefined && (args.clusters === undefined || args.truth === undefined)) throw new MatchUsageError(EVAL_USAGE);
  return args;
}

export interface EvalResult {
  score: PairwiseScore;
  clusters: number;
  records: number;
}

export async function runEval(args: EvalArgs): Promise<EvalResult> {
  const truthFile = args.truth ?? join(args.dataset!, DATASET_FILES.truth);
  const truth = await readTruthIndex(truthFile);
  let clusters: ResolvedCluster[] = [];
  if (args.dataset !== undefined && args.clusters === undefined) {
    const config = await loadMatchConfig(args.config);
    const parties: NormalisedParty[] = [];
    for await (const party of datasetParties(args.dataset)) parties.push(normaliseParty(party));
    clusters = resolveNormalisedParties(parties, { config }).clusters;
    if (args.output) await writeClusterLines(args.output, clusters);
  } else {
    for await (const cluster of readClusterLines(args.clusters!)) clusters.push(cluster);
  }
  const records = clusters.reduce((n, c) => n + c.members.length, 0);
  return { score: pairwiseScore(clusters, truth), clusters: clusters.length, records };
}

export function formatEval(result: EvalResult): string {
  const s = result.score;
  return [
    `records ${result.records}, clusters ${result.clusters}`,
    `pairs: predicted ${s.predictedPairs}, true ${s.truePairs}, correct ${s.truePositivePairs}`,
    `precision ${s.precision.toFixed(4)}`,
    `recall    ${s.recall.toFixed(4)}`,
    `f1        ${s.f1.toFixed(4)}`,
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const result = await runEval(parseEvalArgs(argv));
    process.stdout.write(formatEval(result) + '\n');
    return 0;
  } catch (error) {
    // Input errors name files and line numbers only, never record content: safe to print.
    if (error instanceof MatchUsageError || error instanceof MatchInputError || error instanceof DatasetMissingError || error instanceof DatasetFormatError) {
      process.stderr.write(`match:eval: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`match:eval: failed: ${(error as Error).name}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * `npm run match -- --input parties.jsonl --output clusters.jsonl [--model model.json] ...`
 *
 * Reads canonical SourceParty lines (streamed; each record is normalised as it is read, so only
 * the compact normalised form is held), scores the candidate pairs with a trained model (the
 * --model file, else one trained on this input), clusters them and writes one cluster per line.
 * `--review` writes the stewards' queue with each pair's explanation; `--explain A B` prints the
 * waterfall of two records. Prints counts, levels and weights only (never a value from the data).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { matchCommand, parseCommand, runCommand } from './cliCommand';
import { writeClusterLines } from './clusterLines';
import { explainPair, formatExplanation } from './explainPair';
import type { MatchConfig } from './matchConfig';
import { MatchUsageError } from './matchErrors';
import { loadConfigAndModel, loadOverrides, readNormalisedParties } from './matchFiles';
import { dedupeAndSort, resolvedClusterStream, reviewPairsOf, runLinkage, type LinkageRun } from './resolveParties';
import { reviewQueue } from './reviewQueue';
import { NO_OVERRIDES, type StewardOverrides } from './stewardOverrides';

export interface MatchCliOptions {
  input: string;
  output?: string;
  model?: string;
  config?: string;
  overrides?: string;
  review?: string;
  explain?: string[];
}

export function matchCliCommand() {
  return matchCommand('match', 'Resolve identities: cluster source parties into persons with a trained Fellegi-Sunter model.')
    .requiredOption('--input <file>', 'source parties, one canonical SourceParty JSON per line')
    .option('--output <file>', 'where to write the clusters (one {customerId, members} per line)')
    .option('--model <file>', 'a model written by `npm run match:train` (default: train one on the input)')
    .option('--config <file>', 'a partial match config (thresholds, blocking rules, sizes)')
    .option('--overrides <file>', 'steward decisions {"alwaysMatch":[[ref,ref]],"neverMatch":[[ref,ref]]}')
    .option('--review <file>', "where to write the stewards' review queue, each pair with its explanation")
    .option('--explain <records...>', 'print the waterfall of two records, given as SYSTEM:localId SYSTEM:localId');
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  for (const line of lines) if (!out.write(line + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function indexOf(run: LinkageRun, key: string): number {
  const i = run.sorted.findIndex((p) => p.key === key);
  if (i < 0) throw new MatchUsageError(`--explain: no record ${key.slice(0, key.indexOf(':') + 1)}... in the input`);
  return i;
}

export async function runMatch(o: MatchCliOptions): Promise<LinkageRun> {
  if (!o.output && !o.explain && !o.review) throw new MatchUsageError('give --output, --review or --explain (see --help)');
  if (o.explain && o.explain.length !== 2) throw new MatchUsageError('--explain takes two records: SYSTEM:localId SYSTEM:localId');
  const config: MatchConfig = await loadConfigAndModel(o.config, o.model);
  const overrides: StewardOverrides = (await loadOverrides(o.overrides)) ?? NO_OVERRIDES;
  const run = runLinkage(dedupeAndSort(await readNormalisedParties(o.input)), config, overrides);
  if (o.output) await writeClusterLines(o.output, resolvedClusterStream(run));
  if (o.review) {
    const clusterOf = new Map<string, number>();
    run.groups.forEach((g, index) => g.forEach((i) => clusterOf.set(run.sorted[i].key, index)));
    const byKey = new Map(run.sorted.map((p, i) => [p.key, i]));
    const queue = reviewQueue(reviewPairsOf(run, config.thresholds.link), overrides, config.thresholds, (key) => String(clusterOf.get(key)));
    await writeLines(
      o.review,
      queue.map((item) => JSON.stringify({ ...item, explanation: explainPair(run.sorted[byKey.get(item.a)!], run.sorted[byKey.get(item.b)!], run.compiled, config) })),
    );
  }
  if (o.explain) {
    const [a, b] = o.explain.map((key) => indexOf(run, key));
    process.stdout.write(formatExplanation(explainPair(run.sorted[a], run.sorted[b], run.compiled, config)) + '\n');
  }
  return run;
}

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseCommand<MatchCliOptions>(matchCliCommand(), argv);
  if (typeof options === 'number') return options;
  return runCommand('match', async () => {
    const started = Date.now();
    const run = await runMatch(options);
    const s = run.stats;
    process.stderr.write(
      `match: ${s.parties} parties -> ${s.clusters} clusters in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(${s.trained ? `model trained on the input, ${run.model.training.emIterations} EM iterations` : 'given model'}; ` +
        `candidate pairs ${s.candidatePairs}, linked ${s.linkedPairs + s.rulePairs}, review ${s.reviewPairs}, oversized blocks ${s.oversizedBlocks})\n`,
    );
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * `npm run match:train -- --input parties.jsonl --output model.json`
 * `npm run match:train -- --dataset DIR --output model.json`
 *
 * Estimates the model on a file of source parties (u from random pairs, m by EM over the
 * candidate pairs, term frequencies of names) and writes it as readable JSON: every comparison
 * level with its m, u and weight. `npm run match -- --model model.json` then uses it.
 */
import { writeFile } from 'node:fs/promises';
import { compareCandidates } from './candidatePairStore';
import { matchCommand, parseCommand, runCommand } from './cliCommand';
import { datasetNormalisedParties } from './datasetParties';
import { MatchUsageError } from './matchErrors';
import { loadMatchConfig, readNormalisedParties } from './matchFiles';
import { modelToJson, type MatchModel } from './matchModel';
import { dedupeAndSort } from './resolveParties';
import { trainModel } from './trainModel';

export interface TrainCliOptions {
  input?: string;
  dataset?: string;
  output: string;
  config?: string;
}

export function trainCliCommand() {
  return matchCommand('match:train', 'Train the matching model on source parties and write it as JSON (every level with its m and u).')
    .option('--input <file>', 'source parties, one canonical SourceParty JSON per line')
    .option('--dataset <dir>', 'a generated dataset directory (its records read as the adapters map them)')
    .requiredOption('--output <file>', 'where to write the model (JSON)')
    .option('--config <file>', 'a partial match config (blocking rules, training settings)');
}

export async function runTrain(o: TrainCliOptions): Promise<MatchModel> {
  if ((o.input === undefined) === (o.dataset === undefined)) throw new MatchUsageError('give exactly one of --input or --dataset (see --help)');
  const config = await loadMatchConfig(o.config);
  const parties = o.input !== undefined ? await readNormalisedParties(o.input) : await datasetNormalisedParties(o.dataset!);
  const sorted = dedupeAndSort(parties);
  if (sorted.length < 2) throw new MatchUsageError('training needs at least two records');
  const { pairs } = compareCandidates(sorted, config);
  const model = trainModel({ parties: sorted, candidates: pairs }, config);
  await writeFile(o.output, modelToJson(model));
  return model;
}

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseCommand<TrainCliOptions>(trainCliCommand(), argv);
  if (typeof options === 'number') return options;
  return runCommand('match:train', async () => {
    const started = Date.now();
    const model = await runTrain(options);
    const t = model.training;
    process.stderr.write(
      `match:train: ${t.records} records, ${t.candidatePairs} candidate pairs, ${t.randomPairs} random pairs; ` +
        `EM ${t.converged ? 'converged' : 'stopped'} after ${t.emIterations} iterations (matches ${(100 * t.matchShareOfCandidates).toFixed(1)}% of candidates) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

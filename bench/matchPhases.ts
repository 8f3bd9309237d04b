/**
 * Where a batch match spends its time and memory, phase by phase (a development aid for
 * BENCHMARK_NOTES.md): `node --expose-gc --require ./node_modules/tsx/dist/cjs/index.cjs bench/matchPhases.ts parties.jsonl [--sequential]`.
 * `--sequential` reads the file on one thread whatever its size. Prints, per phase, the seconds it took and the live heap after a full collection.
 */
import { compareCandidates } from '../subgraphs/identity/domain/candidatePairStore';
import { clusterRecords, emptyClusteringStats } from '../subgraphs/identity/domain/clustering';
import { compareRecords } from '../subgraphs/identity/domain/comparisons';
import { DEFAULT_MATCH_CONFIG } from '../subgraphs/identity/domain/matchConfig';
import { readNormalisedParties } from '../subgraphs/identity/domain/matchFiles';
import { PairScorer, compileModel } from '../subgraphs/identity/domain/matchModel';
import { scorePairs } from '../subgraphs/identity/domain/pairLinking';
import { dedupeAndSort, resolvedClusters } from '../subgraphs/identity/domain/resolveParties';
import { trainModel } from '../subgraphs/identity/domain/trainModel';

const gc = (globalThis as { gc?: () => void }).gc;
let last = Date.now();
function phase(name: string): void {
  const s = (Date.now() - last) / 1000;
  gc?.();
  const m = process.memoryUsage();
  process.stderr.write(`${name.padEnd(22)} ${s.toFixed(1).padStart(6)} s   heap ${(m.heapUsed / 2 ** 20).toFixed(0).padStart(5)} MB   rss ${(m.rss / 2 ** 20).toFixed(0).padStart(5)} MB\n`);
  last = Date.now();
}

async function main(file: string, sequential: boolean): Promise<void> {
  const config = DEFAULT_MATCH_CONFIG;
  const read = await readNormalisedParties(file, sequential ? { parallelFromBytes: Infinity } : {});
  phase('read + normalise');
  const sorted = dedupeAndSort(read);
  read.length = 0;
  phase('dedupe + sort');
  const { pairs, stats } = compareCandidates(sorted, config);
  phase(`block + compare (${pairs.length})`);
  process.stderr.write(`  ${JSON.stringify(stats)}\n`);
  const model = trainModel({ parties: sorted, candidates: pairs }, config);
  phase(`train (${model.training.emIterations} it)`);
  const compiled = compileModel(model);
  const links = scorePairs(sorted, pairs, compiled, config);
  phase(`score (${links.length})`);
  const scorer = new PairScorer(compiled, sorted);
  const groups = clusterRecords({ records: sorted.length, links, always: [], never: [], config, pairWeight: (i, j) => scorer.weight(compareRecords(sorted[i], sorted[j]), i, j) }, emptyClusteringStats());
  phase(`cluster (${groups.length})`);
  const clusters = resolvedClusters({ sorted, groups });
  phase(`clusters out (${clusters.length})`);
}

main(process.argv[2], process.argv.includes('--sequential')).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

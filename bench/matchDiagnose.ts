/**
 * Where the matcher's recall is lost on a generated data set, pair by pair (a development aid
 * behind subgraphs/identity/domain/BENCHMARK_NOTES.md):
 * `NODE_OPTIONS=--max-old-space-size=10000 npx tsx bench/matchDiagnose.ts DIR/parties.jsonl DIR/truth.jsonl`
 *
 * Runs the batch matcher, then classifies every true pair that did not end in one cluster: never
 * compared (blocking; with which keys the two records would have shared) or compared and kept
 * apart (with its comparison levels and whether its weight reached the link threshold). Prints
 * counts and levels only, never a value from the data.
 */
import { runLinkageForEvaluation, dedupeAndSort } from '../subgraphs/identity/domain/resolveParties';
import { DEFAULT_MATCH_CONFIG } from '../subgraphs/identity/domain/matchConfig';
import { readNormalisedParties, readTruthIndex } from '../subgraphs/identity/domain/matchFiles';
import { NO_OVERRIDES } from '../subgraphs/identity/domain/stewardOverrides';
import { compareRecords, levelsOf } from '../subgraphs/identity/domain/comparisons';
import { PairScorer, weightOfProbability } from '../subgraphs/identity/domain/matchModel';

async function main(parties: string, truthFile: string): Promise<void> {
  const t0 = Date.now();
  const sorted = dedupeAndSort(await readNormalisedParties(parties));
  const run = runLinkageForEvaluation(sorted, DEFAULT_MATCH_CONFIG, NO_OVERRIDES);
  console.log('run', (Date.now() - t0) / 1000, JSON.stringify(run.stats));
  const truth = await readTruthIndex(truthFile);
  const recordsOf = new Map<string, number[]>();
  sorted.forEach((p, i) => {
    const person = truth.get(p.key);
    if (person === undefined) return;
    const l = recordsOf.get(person);
    if (l) l.push(i); else recordsOf.set(person, [i]);
  });
  const clusterOf = new Int32Array(sorted.length);
  run.groups.forEach((g, c) => g.forEach((i) => (clusterOf[i] = c)));
  const scorer = new PairScorer(run.compiled, sorted);
  const linkWeight = weightOfProbability(DEFAULT_MATCH_CONFIG.thresholds.link);
  const tally = new Map<string, number>();
  const add = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
  let truePairs = 0, compared = 0, together = 0, comparedApart = 0;
  const year = (d: string | null) => (d ? d.slice(0, 4) : '');
  for (const recs of recordsOf.values()) {
    for (let x = 0; x < recs.length; x++) for (let y = x + 1; y < recs.length; y++) {
      truePairs++;
      const a = sorted[recs[x]], b = sorted[recs[y]];
      const c = run.blocking.compared(recs[x], recs[y]);
      if (c) compared++;
      const tog = clusterOf[recs[x]] === clusterOf[recs[y]];
      if (tog) together++;
      if (tog) continue;
      if (c) { comparedApart++; const g = compareRecords(a, b); const w = scorer.weight(g, recs[x], recs[y]); add(`apart-compared w>=link:${w >= linkWeight} levels ${levelsOf(g).join('')}`); continue; }
      const ph = a.givenPhonetic && a.familyPhonetic && [a.givenPhonetic, a.familyPhonetic].sort().join() === [b.givenPhonetic, b.familyPhonetic].sort().join();
      add(`missed ${a.system}-${b.system} phon:${!!ph} year:${!!year(a.birthDate) && year(a.birthDate) === year(b.birthDate)} town:${!!a.locality && a.locality === b.locality} street:${!!a.street && a.street === b.street} house:${!!a.houseNumber && a.houseNumber === b.houseNumber}`);
    }
  }
  console.log({ truePairs, compared, pc: compared / truePairs, together, recallish: together / truePairs, comparedApart });
  [...tally.entries()].sort((p, q) => q[1] - p[1]).slice(0, 60).forEach(([k, v]) => console.log(v, k));
}
main(process.argv[2], process.argv[3]).catch((e) => { console.error(e); process.exitCode = 1; });

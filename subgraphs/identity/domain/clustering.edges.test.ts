import { clusterRecords, emptyClusteringStats, type ClusteringInput } from './clustering';
import { LinkList, PAIR_LINK, PAIR_RULE } from './linkList';
import { DEFAULT_MATCH_CONFIG } from './matchConfig';

/** As in clustering.test.ts: weights by hand, pairs not listed are unrelated (-20). */
function input(records: number, links: Array<[number, number, number, number?]>, weights: Record<string, number> = {}, extra: Partial<ClusteringInput> = {}): ClusteringInput {
  const list = new LinkList();
  for (const [a, b, w, kind] of links) list.push(a, b, w, kind ?? PAIR_LINK);
  const known = new Map<string, number>();
  for (const [a, b, w] of links) known.set(`${Math.min(a, b)}-${Math.max(a, b)}`, w);
  for (const [k, w] of Object.entries(weights)) known.set(k, w);
  return { records, links: list, always: [], never: [], config: DEFAULT_MATCH_CONFIG, pairWeight: (i, j) => known.get(`${Math.min(i, j)}-${Math.max(i, j)}`) ?? -20, ...extra };
}

describe('clusterRecords at its edges', () => {
  it('joins two single records on their link alone', () => {
    // The linker put the pair in the link band; a pair of singletons has no rest to consult.
    expect(clusterRecords(input(2, [[0, 1, -5]]))).toEqual([[0, 1]]);
  });

  it('merges at a mean probability exactly at the review threshold', () => {
    // Weight 0 is probability 1/2, the default review threshold.
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 0]], { '0-2': 0 }), stats)).toEqual([[0, 1, 2]]);
    expect(stats).toEqual({ merges: 2, refusedCohesion: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 });
  });

  it('lets a cluster reach exactly the size cap', () => {
    const config = { ...DEFAULT_MATCH_CONFIG, maxClusterSize: 3 };
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 20]], { '0-2': 20 }, { config }))).toEqual([[0, 1, 2]]);
  });

  it('applies steward always-match pairs over the size cap', () => {
    const config = { ...DEFAULT_MATCH_CONFIG, maxClusterSize: 2 };
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [], {}, { config, always: [[0, 1], [1, 2]] }), stats)).toEqual([[0, 1, 2]]);
    expect(stats).toEqual({ merges: 2, refusedCohesion: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 });
  });

  it('counts each refusal by its guard', () => {
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 20]], { '0-2': 20 }, { never: [[2, 0]] }), stats)).toEqual([[0, 1], [2]]);
    expect(stats).toEqual({ merges: 1, refusedCohesion: 0, refusedSize: 0, refusedNeverMatch: 1, ignoredAlwaysMatch: 0 });
  });

  it('never merges two clusters holding a never-match pair, whichever side holds which record', () => {
    // {0,1} and {2,3}; never 1-3; the link joining them is 2-0, the clusters taken the other way round.
    const weights = { '0-2': 20, '0-3': 20, '1-2': 20, '1-3': 20 };
    expect(clusterRecords(input(4, [[0, 1, 30], [2, 3, 30], [2, 0, 10]], weights, { never: [[1, 3]] }))).toEqual([[0, 1], [2, 3]]);
    expect(clusterRecords(input(4, [[0, 1, 30], [2, 3, 30], [2, 0, 10]], weights, { never: [[3, 1]] }))).toEqual([[0, 1], [2, 3]]);
    expect(clusterRecords(input(4, [[0, 1, 30], [2, 3, 30], [2, 0, 10]], weights))).toEqual([[0, 1, 2, 3]]);
  });

  it('breaks ties between equal links by the first record, then by the second', () => {
    // Record 1 is contested by 0 and 2, which are two people: the link listed first by index wins.
    expect(clusterRecords(input(3, [[1, 2, 10], [0, 1, 10]], { '0-2': -30 }))).toEqual([[0, 1], [2]]);
    expect(clusterRecords(input(3, [[0, 2, 10], [0, 1, 10]], { '1-2': -30 }))).toEqual([[0, 1], [2]]);
  });

  it('applies a rule link before a stronger model link', () => {
    expect(clusterRecords(input(3, [[1, 2, 20], [0, 1, 5, PAIR_RULE]], { '0-2': -30 }))).toEqual([[0, 1], [2]]);
  });

  it('leaves every record alone with no links', () => {
    expect(clusterRecords(input(3, []))).toEqual([[0], [1], [2]]);
  });
});

describe('clusterRecords counting and averaging', () => {
  it('counts a link inside one cluster as no merge, and an always-match pair already together as applied', () => {
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [[0, 1, 30], [1, 2, 20], [0, 2, 10]], {}, { always: [[0, 1], [1, 0]] }), stats)).toEqual([[0, 1, 2]]);
    expect(stats).toEqual({ merges: 2, refusedCohesion: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 });
  });

  it('checks cohesion when a single record joins a cluster from either side of the link', () => {
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [[0, 1, 20], [2, 1, 10]], { '0-2': -30 }), stats)).toEqual([[0, 1], [2]]);
    expect(stats.refusedCohesion).toBe(1);
  });

  it('averages over every cross pair of two clusters', () => {
    // {0,1} and {2,3}: one cross pair sure (1-2), three surely not: mean 1/4, below 1/2.
    expect(clusterRecords(input(4, [[0, 1, 30], [2, 3, 30], [1, 2, 20]], { '0-2': -30, '0-3': -30, '1-3': -30 }))).toEqual([[0, 1], [2, 3]]);
  });
});

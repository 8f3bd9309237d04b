import { clusterRecords, emptyClusteringStats, type ClusteringInput } from './clustering';
import { LinkList, PAIR_LINK, PAIR_REVIEW, PAIR_RULE } from './linkList';
import { DEFAULT_MATCH_CONFIG } from './matchConfig';

/** Weights by hand: +20 is "surely one person", -20 "surely not", 0 a coin toss. */
function input(records: number, links: Array<[number, number, number, number?]>, weights: Record<string, number> = {}, extra: Partial<ClusteringInput> = {}): ClusteringInput {
  const list = new LinkList();
  for (const [a, b, w, kind] of links) list.push(a, b, w, kind ?? PAIR_LINK);
  const known = new Map<string, number>();
  for (const [a, b, w] of links) known.set(`${Math.min(a, b)}-${Math.max(a, b)}`, w);
  for (const [k, w] of Object.entries(weights)) known.set(k, w);
  return {
    records,
    links: list,
    always: [],
    never: [],
    config: DEFAULT_MATCH_CONFIG,
    // Pairs not listed are unrelated records.
    pairWeight: (i, j) => known.get(`${Math.min(i, j)}-${Math.max(i, j)}`) ?? -20,
    ...extra,
  };
}

describe('clusterRecords', () => {
  it('merges along links, and leaves review-band pairs apart', () => {
    expect(clusterRecords(input(5, [[0, 1, 20], [1, 2, 18], [3, 4, 0.5, PAIR_REVIEW]], { '0-2': 15 }))).toEqual([[0, 1, 2], [3], [4]]);
  });

  it('refuses a merge the rest of the cluster contradicts (no chaining through one record)', () => {
    // 0~1 and 1~2 are links, but 0 and 2 are surely two people.
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 10]], { '0-2': -30 }), stats)).toEqual([[0, 1], [2]]);
    expect(stats.refusedCohesion).toBe(1);
  });

  it('merges when the cross pairs hold together on average', () => {
    // 0 and 2 say little either way (+2), so {0,1} + {2} holds together.
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 10]], { '0-2': 2 }))).toEqual([[0, 1, 2]]);
  });

  it('lets the stronger link win a contested record', () => {
    // 1 looks like 0 (weight 30) and like 2 (weight 10); 0 and 2 are two people.
    expect(clusterRecords(input(3, [[1, 2, 10], [0, 1, 30]], { '0-2': -30 }))).toEqual([[0, 1], [2]]);
  });

  it('caps the cluster size', () => {
    const config = { ...DEFAULT_MATCH_CONFIG, maxClusterSize: 2 };
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 20]], { '0-2': 20 }, { config }), stats)).toEqual([[0, 1], [2]]);
    expect(stats.refusedSize).toBe(1);
  });

  it('never puts a never-match pair together, even through a third record', () => {
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 20]], { '0-2': 20 }, { never: [[0, 2]] }))).toEqual([[0, 1], [2]]);
  });

  it('applies always-match pairs over the guards, but not over never-match pairs', () => {
    expect(clusterRecords(input(3, [], {}, { always: [[0, 2]] }))).toEqual([[0, 2], [1]]);
    const stats = emptyClusteringStats();
    expect(clusterRecords(input(3, [], {}, { always: [[0, 2]], never: [[0, 2]] }), stats)).toEqual([[0], [1], [2]]);
    expect(stats.ignoredAlwaysMatch).toBe(1);
  });

  it('applies rule links (facts) before model links and without the cohesion check', () => {
    // Two rule links chain 0, 1 and 2 although the model thinks 0 and 2 differ.
    expect(clusterRecords(input(3, [[0, 1, 20, PAIR_RULE], [1, 2, -5, PAIR_RULE]], { '0-2': -30 }))).toEqual([[0, 1, 2]]);
    // As model links, the second merge is refused.
    expect(clusterRecords(input(3, [[0, 1, 20], [1, 2, 15]], { '0-2': -30 }))).toEqual([[0, 1], [2]]);
  });
});

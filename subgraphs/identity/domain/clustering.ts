/**
 * Turns linked pairs into clusters (one per person) without letting links chain unrelated
 * people together. Transitive closure over "looks alike" links is the classic failure of record
 * linkage: A~B and B~C put A and C together though they share nothing. The guards here:
 *
 * - links are applied strongest first (steward decisions, then deterministic rules, then model
 *   links by descending match weight), so a record joins the cluster it resembles most before a
 *   weaker link can pull it elsewhere;
 * - two clusters merge only when they hold together as a whole: across every pair of their
 *   records, the mean match probability must reach the review threshold. One record
 *   resembling a member of another cluster is not enough when the rest of that cluster says
 *   "someone else" (a shared phone between two households, namesakes born the same day);
 * - no cluster grows past `maxClusterSize` records;
 * - steward never-match pairs are never put together; always-match pairs are applied first.
 */
import { LinkList, PAIR_LINK, PAIR_RULE } from './linkList';
import type { MatchConfig } from './matchConfig';
import { probabilityOfWeight } from './matchModel';

export interface ClusteringInput {
  /** Number of records (indexes below refer to a deterministic order, sorted by key). */
  records: number;
  links: LinkList;
  /** Steward pairs, as record indexes. */
  always: ReadonlyArray<readonly [number, number]>;
  never: ReadonlyArray<readonly [number, number]>;
  config: MatchConfig;
  /** The match weight of any two records (the model, applied on demand for the cohesion guard). */
  pairWeight: (i: number, j: number) => number;
}

export interface ClusteringStats {
  merges: number;
  /** Merges refused, by guard. */
  refusedCohesion: number;
  refusedSize: number;
  refusedNeverMatch: number;
  /** Always-match pairs that could not be applied because they contradict a never-match pair. */
  ignoredAlwaysMatch: number;
}

export function emptyClusteringStats(): ClusteringStats {
  return { merges: 0, refusedCohesion: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 };
}

/** Clusters as lists of record indexes, each sorted, in order of their smallest index. */
export function clusterRecords(input: ClusteringInput, stats: ClusteringStats = emptyClusteringStats()): number[][] {
  const { records: n, links, config } = input;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  // Members per root, only for clusters of two or more (almost every cluster is tiny).
  const members = new Map<number, number[]>();
  const membersOf = (root: number): number[] => members.get(root) ?? [root];
  const neverOf = new Map<number, number[]>();
  for (const [a, b] of input.never) {
    if (a === b) continue;
    neverOf.set(a, [...(neverOf.get(a) ?? []), b]);
    neverOf.set(b, [...(neverOf.get(b) ?? []), a]);
  }

  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };

  const violatesNever = (ra: number, rb: number): boolean => {
    if (neverOf.size === 0) return false;
    for (const m of membersOf(ra)) for (const other of neverOf.get(m) ?? []) if (find(other) === rb) return true;
    return false;
  };

  /**
   * Whether the two clusters hold together: the mean match probability over all their cross
   * pairs reaches the review threshold (average linkage). Probabilities rather than weights, so
   * one overwhelming pair cannot outvote the rest.
   */
  const cohesive = (ra: number, rb: number): boolean => {
    const A = membersOf(ra);
    const B = membersOf(rb);
    if (A.length === 1 && B.length === 1) return true;
    let sum = 0;
    for (const x of A) for (const y of B) sum += probabilityOfWeight(input.pairWeight(x, y));
    return sum / (A.length * B.length) >= config.thresholds.review;
  };

  const union = (ra: number, rb: number): void => {
    const merged = membersOf(ra).concat(membersOf(rb));
    parent[rb] = ra;
    members.delete(rb);
    members.set(ra, merged);
    stats.merges++;
  };

  /** `level`: 2 steward (only never-match applies), 1 rule (no cohesion check), 0 model link. */
  const tryLink = (a: number, b: number, level: 0 | 1 | 2): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    if (violatesNever(ra, rb)) {
      stats.refusedNeverMatch++;
      return false;
    }
    if (level < 2) {
      if (membersOf(ra).length + membersOf(rb).length > config.maxClusterSize) {
        stats.refusedSize++;
        return false;
      }
      if (level === 0 && !cohesive(ra, rb)) {
        stats.refusedCohesion++;
        return false;
      }
    }
    union(ra, rb);
    return true;
  };

  // 1. Steward always-match pairs.
  for (const [a, b] of input.always) if (!tryLink(a, b, 2)) stats.ignoredAlwaysMatch++;

  // 2. Rule links, then model links strongest first; ties broken by index for determinism.
  const order: number[] = [];
  for (let e = 0; e < links.length; e++) if (links.kind[e] >= PAIR_LINK) order.push(e);
  order.sort((x, y) => links.kind[y] - links.kind[x] || links.weight[y] - links.weight[x] || links.a[x] - links.a[y] || links.b[x] - links.b[y]);
  for (const e of order) tryLink(links.a[e], links.b[e], links.kind[e] === PAIR_RULE ? 1 : 0);

  return groupsByRoot(n, find);
}

/**
 * Records grouped by their root: groups in order of their smallest member, members in index
 * order. Counted first and filled into lists of exactly their size: a list grown by `push`
 * reserves room for 17 members, which for a million clusters was some 120 MB of the peak.
 */
function groupsByRoot(n: number, find: (x: number) => number): number[][] {
  const groupOfRoot = new Int32Array(n).fill(-1);
  const groupOf = new Int32Array(n);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (groupOfRoot[root] < 0) groupOfRoot[root] = sizes.push(0) - 1;
    groupOf[i] = groupOfRoot[root];
    sizes[groupOf[i]]++;
  }
  const groups = sizes.map((size) => new Array<number>(size));
  const filled = new Int32Array(groups.length);
  for (let i = 0; i < n; i++) groups[groupOf[i]][filled[groupOf[i]]++] = i;
  return groups;
}

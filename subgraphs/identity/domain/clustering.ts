/**
 * Turns scored links into clusters (one per person) without letting links chain unrelated
 * people together. Transitive closure over "looks alike" links is the classic failure of record
 * linkage: A~B and B~C put A and C together though they share nothing. The guards here:
 *
 * - links are applied strongest first (national id, then strong links by score), so a record
 *   joins the cluster it resembles most before a weaker link can pull it elsewhere;
 * - two clusters that each hold a different national id are never merged: every person is in
 *   core banking with a KYC'd national id, so this anchors clusters on core-banking records and
 *   stops a shared phone or a look-alike name from bridging two customers;
 * - two clusters whose birth dates clearly differ are not merged by a scored link;
 * - a weak link alone merges nothing: two clusters merge on weak evidence only when
 *   `weakLinksToMerge` weak links join them;
 * - no cluster grows past `maxClusterSize` records;
 * - steward never-match pairs are never put together; always-match pairs are applied first.
 */
import { compareDates } from './dateNormalisation';
import { LINK_NATIONAL_ID, LINK_STRONG, LINK_WEAK, type LinkList } from './linkList';
import type { MatchConfig } from './matchConfig';

/** What clustering reads of a record. */
export interface ClusterableRecord {
  nationalId: string | null;
  birthDate: string | null;
}

export interface ClusteringInput {
  /** Records in a deterministic order (sorted by key): indexes below refer to it. */
  records: readonly ClusterableRecord[];
  links: LinkList;
  /** Steward pairs, as record indexes. */
  always: ReadonlyArray<readonly [number, number]>;
  never: ReadonlyArray<readonly [number, number]>;
  config: MatchConfig;
}

export interface ClusteringStats {
  merges: number;
  /** Merges refused, by guard. */
  refusedNationalId: number;
  refusedBirthDate: number;
  refusedSize: number;
  refusedNeverMatch: number;
  /** Always-match pairs that could not be applied because they contradict a never-match pair. */
  ignoredAlwaysMatch: number;
}

/** Clusters as lists of record indexes, each sorted, in order of their smallest index. */
export function clusterRecords(input: ClusteringInput, stats?: ClusteringStats): number[][] {
  const { records, links, config } = input;
  const n = records.length;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  // Per-root facts the guards need; arrays of small arrays because almost every cluster is tiny.
  const nationalIds: (string | null)[] = records.map((r) => r.nationalId);
  const birthDates: (string[] | null)[] = records.map((r) => (r.birthDate ? [r.birthDate] : null));
  const neverOf = new Map<number, number[]>();
  const neverMembers: (number[] | null)[] = new Array(n).fill(null);
  for (const [a, b] of input.never) {
    if (a === b) continue;
    for (const [x, y] of [[a, b], [b, a]]) {
      const list = neverOf.get(x) ?? [];
      list.push(y);
      neverOf.set(x, list);
      if (!neverMembers[x]) neverMembers[x] = [x];
    }
  }
  const s: ClusteringStats = stats ?? { merges: 0, refusedNationalId: 0, refusedBirthDate: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 };

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
    const members = neverMembers[ra];
    if (!members) return false;
    for (const m of members) for (const other of neverOf.get(m)!) if (find(other) === rb) return true;
    return false;
  };

  const birthDatesConflict = (ra: number, rb: number): boolean => {
    const x = birthDates[ra];
    const y = birthDates[rb];
    if (!x || !y) return false;
    for (const d of x) for (const e of y) if (compareDates(d, e) === 'different') return true;
    return false;
  };

  /** Guards in order of cost; `steward` skips all but never-match (the steward has decided). */
  const canMerge = (ra: number, rb: number, kind: number, steward: boolean): boolean => {
    if (violatesNever(ra, rb) || violatesNever(rb, ra)) {
      s.refusedNeverMatch++;
      return false;
    }
    if (steward) return true;
    if (size[ra] + size[rb] > config.maxClusterSize) {
      s.refusedSize++;
      return false;
    }
    const na = nationalIds[ra];
    const nb = nationalIds[rb];
    if (na && nb && na !== nb) {
      s.refusedNationalId++;
      return false;
    }
    if (kind !== LINK_NATIONAL_ID && birthDatesConflict(ra, rb)) {
      s.refusedBirthDate++;
      return false;
    }
    return true;
  };

  const union = (ra: number, rb: number): void => {
    if (size[ra] < size[rb]) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] += size[rb];
    nationalIds[ra] = nationalIds[ra] ?? nationalIds[rb];
    const da = birthDates[ra];
    const db = birthDates[rb];
    if (db) birthDates[ra] = da ? [...new Set([...da, ...db])] : db;
    const ma = neverMembers[ra];
    const mb = neverMembers[rb];
    if (mb) neverMembers[ra] = ma ? ma.concat(mb) : mb;
    birthDates[rb] = null;
    neverMembers[rb] = null;
    s.merges++;
  };

  const tryLink = (a: number, b: number, kind: number, steward: boolean): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    if (!canMerge(ra, rb, kind, steward)) return false;
    union(ra, rb);
    return true;
  };

  // 1. Steward always-match pairs.
  for (const [a, b] of input.always) if (!tryLink(a, b, LINK_NATIONAL_ID, true)) s.ignoredAlwaysMatch++;

  // 2. National-id and strong links, strongest first; ties broken by index for determinism.
  const strong: number[] = [];
  const weak: number[] = [];
  for (let e = 0; e < links.length; e++) (links.kind[e] === LINK_WEAK ? weak : strong).push(e);
  const byStrength = (x: number, y: number): number =>
    links.kind[y] - links.kind[x] || links.score[y] - links.score[x] || links.a[x] - links.a[y] || links.b[x] - links.b[y];
  strong.sort(byStrength);
  for (const e of strong) tryLink(links.a[e], links.b[e], links.kind[e], false);

  // 3. Weak links, grouped by the pair of clusters they join.
  const groups = new Map<number, { count: number; best: number; a: number; b: number }>();
  for (const e of weak) {
    const ra = find(links.a[e]);
    const rb = find(links.b[e]);
    if (ra === rb) continue;
    const key = Math.min(ra, rb) * n + Math.max(ra, rb);
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.best = Math.max(group.best, links.score[e]);
    } else groups.set(key, { count: 1, best: links.score[e], a: links.a[e], b: links.b[e] });
  }
  const candidates = [...groups.values()].filter((g) => g.count >= config.weakLinksToMerge);
  candidates.sort((x, y) => y.count - x.count || y.best - x.best || x.a - y.a || x.b - y.b);
  for (const g of candidates) tryLink(g.a, g.b, LINK_STRONG, false);

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  }
  // Members were pushed in index order, and roots appear in order of their first member.
  return [...byRoot.values()];
}

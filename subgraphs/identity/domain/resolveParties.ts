/**
 * Batch identity resolution: source parties in, clusters with stable customer ids out.
 * Pure: the same parties (in any order) and options always give the same clusters and ids.
 */
import type { SourceParty } from '../../../adapters/canonical';
import { clusterRecords, type ClusteringStats } from './clustering';
import { anchorOf, compareAnchorKeys, customerIdFor } from './customerId';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { emptyLinkingStats, linkParties, type LinkingStats } from './pairLinking';
import { NO_OVERRIDES, overridePairs, type SourceRef, type StewardOverrides } from './stewardOverrides';

export interface ResolveOptions {
  config?: MatchConfig;
  overrides?: StewardOverrides;
}

export interface ResolvedCluster {
  customerId: string;
  /** Core banking first, then by system and local id. */
  members: SourceRef[];
}

export interface ResolutionStats extends LinkingStats, ClusteringStats {
  parties: number;
  clusters: number;
}

export interface ResolutionResult {
  clusters: ResolvedCluster[];
  stats: ResolutionStats;
}

/** One record per key (the last one given wins, as a later extract supersedes an earlier one), sorted by key. */
export function dedupeAndSort(parties: Iterable<NormalisedParty>): NormalisedParty[] {
  const byKey = new Map<string, NormalisedParty>();
  for (const p of parties) byKey.set(p.key, p);
  // Sorting the key strings natively (code-unit order, as `<` compares) beats a comparator on a million records.
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

function indexOfKey(sorted: readonly NormalisedParty[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = sorted[mid].key;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Steward pairs as indexes into `sorted`; pairs naming an unknown record are dropped. */
export function overrideIndexes(sorted: readonly NormalisedParty[], overrides: StewardOverrides): { always: Array<[number, number]>; never: Array<[number, number]> } {
  const { always, never } = overridePairs(overrides);
  const toIndexes = (pairs: Array<[string, string]>): Array<[number, number]> =>
    pairs.map(([a, b]): [number, number] => [indexOfKey(sorted, a), indexOfKey(sorted, b)]).filter(([a, b]) => a >= 0 && b >= 0);
  return { always: toIndexes(always), never: toIndexes(never) };
}

/** Members of a cluster as source refs, anchor order. */
export function membersOf(keys: string[]): SourceRef[] {
  return [...keys].sort(compareAnchorKeys).map((key) => {
    const colon = key.indexOf(':');
    return { system: key.slice(0, colon) as SourceRef['system'], localId: key.slice(colon + 1) };
  });
}

/** Clusters of already-normalised parties (the CLI normalises while streaming, to hold less in memory). */
export function resolveNormalisedParties(parties: Iterable<NormalisedParty>, options: ResolveOptions = {}): ResolutionResult {
  const config = options.config ?? DEFAULT_MATCH_CONFIG;
  const sorted = dedupeAndSort(parties);
  const linking = emptyLinkingStats();
  const links = linkParties(sorted, config, linking);
  const { always, never } = overrideIndexes(sorted, options.overrides ?? NO_OVERRIDES);
  const clusteringStats: ClusteringStats = { merges: 0, refusedNationalId: 0, refusedBirthDate: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 };
  const groups = clusterRecords({ records: sorted, links, always, never, config }, clusteringStats);
  const clusters: ResolvedCluster[] = groups.map((group) => {
    const keys = group.map((i) => sorted[i].key);
    return { customerId: customerIdFor(anchorOf(keys)), members: membersOf(keys) };
  });
  clusters.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return { clusters, stats: { parties: sorted.length, clusters: clusters.length, ...linking, ...clusteringStats } };
}

export function resolveParties(parties: Iterable<SourceParty>, options: ResolveOptions = {}): ResolutionResult {
  const normalised: NormalisedParty[] = [];
  for (const p of parties) normalised.push(normaliseParty(p));
  return resolveNormalisedParties(normalised, options);
}

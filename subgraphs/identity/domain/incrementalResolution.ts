/**
 * Incremental identity resolution: apply changed or new source records to an existing
 * resolution without redoing the population. Only the neighbourhood of the changes is re-linked
 * and re-clustered: the clusters of the changed records and of the records they share a
 * blocking key with. Everything else keeps its cluster and its id untouched.
 *
 * Ids are kept, not recomputed: a cluster keeps its id while its anchor record stays in it; when
 * clusters merge, the id of the one with the preferred anchor (core banking, smallest key)
 * survives and the others are retired; when a cluster splits, the part holding the anchor keeps
 * the id and the other parts get fresh ones. Ids are never reused, so a retired id can never come
 * to mean another person. Every merge, split, creation and membership change is an event.
 *
 * Pure: the state passed in is never modified; the returned state shares unchanged parts with it.
 */
import type { SourceParty } from '../../../adapters/canonical';
import { blockingKeys } from './blocking';
import { clusterRecords } from './clustering';
import { anchorOf, compareAnchorKeys, customerIdFor } from './customerId';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { linkParties } from './pairLinking';
import { dedupeAndSort, membersOf, overrideIndexes, resolveNormalisedParties } from './resolveParties';
import { NO_OVERRIDES, overridePairs, type SourceRef, type StewardOverrides } from './stewardOverrides';

export interface ClusterEntry {
  /** The record whose key the id was derived from (or inherited with). */
  anchor: string;
  /** Record keys, sorted. */
  members: readonly string[];
}

export interface ResolutionState {
  readonly config: MatchConfig;
  readonly overrides: StewardOverrides;
  readonly parties: ReadonlyMap<string, NormalisedParty>;
  readonly clusterOf: ReadonlyMap<string, string>;
  readonly clusters: ReadonlyMap<string, ClusterEntry>;
  /** Blocking key -> keys of the records holding it. */
  readonly blocks: ReadonlyMap<string, readonly string[]>;
  /** Every id ever given out, live or retired: never reused. */
  readonly issuedIds: ReadonlySet<string>;
}

export type IdentityEvent =
  | { type: 'CREATED'; customerId: string; members: SourceRef[] }
  | { type: 'UPDATED'; customerId: string; added: SourceRef[]; removed: SourceRef[] }
  /** `mergedIds` were retired; their records now belong to `customerId`. */
  | { type: 'MERGED'; customerId: string; mergedIds: string[] }
  /** Records of `customerId` moved to the clusters `splitIds` (new or existing). */
  | { type: 'SPLIT'; customerId: string; splitIds: string[] };

export interface ApplyResult {
  state: ResolutionState;
  events: IdentityEvent[];
}

export interface StateOptions {
  config?: MatchConfig;
  overrides?: StewardOverrides;
}

function addToBlocks(blocks: Map<string, readonly string[]>, party: NormalisedParty): void {
  for (const key of new Set(blockingKeys(party))) blocks.set(key, [...(blocks.get(key) ?? []), party.key]);
}

function removeFromBlocks(blocks: Map<string, readonly string[]>, party: NormalisedParty): void {
  for (const key of new Set(blockingKeys(party))) {
    const rest = (blocks.get(key) ?? []).filter((k) => k !== party.key);
    if (rest.length === 0) blocks.delete(key);
    else blocks.set(key, rest);
  }
}

/** A full (batch) resolution, kept as state for later incremental changes. */
export function createResolutionState(parties: Iterable<SourceParty>, options: StateOptions = {}): ResolutionState {
  const config = options.config ?? DEFAULT_MATCH_CONFIG;
  const overrides = options.overrides ?? NO_OVERRIDES;
  const normalised = dedupeAndSort([...parties].map(normaliseParty));
  const { clusters } = resolveNormalisedParties(normalised, { config, overrides });
  const partyMap = new Map(normalised.map((p) => [p.key, p]));
  const clusterOf = new Map<string, string>();
  const clusterMap = new Map<string, ClusterEntry>();
  for (const c of clusters) {
    const keys = c.members.map((m) => `${m.system}:${m.localId}`).sort();
    for (const key of keys) clusterOf.set(key, c.customerId);
    clusterMap.set(c.customerId, { anchor: anchorOf(keys), members: keys });
  }
  const blocks = new Map<string, readonly string[]>();
  for (const p of normalised) addToBlocks(blocks, p);
  return { config, overrides, parties: partyMap, clusterOf, clusters: clusterMap, blocks, issuedIds: new Set(clusterMap.keys()) };
}

export function emptyResolutionState(options: StateOptions = {}): ResolutionState {
  return createResolutionState([], options);
}

const pairKey = ([a, b]: [string, string]): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Records named in override pairs that were added or removed between two override lists. */
function overrideChanges(before: StewardOverrides, after: StewardOverrides): string[] {
  const keys = new Set<string>();
  const old = overridePairs(before);
  const now = overridePairs(after);
  for (const kind of ['always', 'never'] as const) {
    const a = new Set(old[kind].map(pairKey));
    const b = new Set(now[kind].map(pairKey));
    for (const p of now[kind]) if (!a.has(pairKey(p))) p.forEach((k) => keys.add(k));
    for (const p of old[kind]) if (!b.has(pairKey(p))) p.forEach((k) => keys.add(k));
  }
  return [...keys];
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Applies changed or new records (and, optionally, new steward overrides) to a resolution.
 * Records not yet known are added; known ones replaced. Returns the new state and the events.
 */
export function applyChanges(state: ResolutionState, changed: Iterable<SourceParty>, options: { overrides?: StewardOverrides } = {}): ApplyResult {
  const config = state.config;
  const overrides = options.overrides ?? state.overrides;
  const parties = new Map(state.parties);
  const blocks = new Map(state.blocks);
  const touched = new Set<string>();

  for (const party of changed) {
    const next = normaliseParty(party);
    const previous = parties.get(next.key);
    if (previous) removeFromBlocks(blocks, previous);
    parties.set(next.key, next);
    addToBlocks(blocks, next);
    touched.add(next.key);
  }
  for (const key of overrideChanges(state.overrides, overrides)) if (parties.has(key)) touched.add(key);

  // The neighbourhood: clusters of the touched records and of everything they share a key with.
  const affectedIds = new Set<string>();
  for (const key of touched) {
    const own = state.clusterOf.get(key);
    if (own) affectedIds.add(own);
    for (const blockKey of blockingKeys(parties.get(key)!)) {
      const block = blocks.get(blockKey) ?? [];
      if (block.length > config.maxBlockSize) continue;
      for (const other of block) {
        const id = state.clusterOf.get(other);
        if (id) affectedIds.add(id);
      }
    }
  }
  const region = new Set<string>(touched);
  for (const id of affectedIds) for (const key of state.clusters.get(id)!.members) region.add(key);
  const records = dedupeAndSort([...region].map((k) => parties.get(k)!));

  const links = linkParties(records, config, undefined, (key) => blocks.get(key)?.length ?? 0);
  const { always, never } = overrideIndexes(records, overrides);
  const groups = clusterRecords({ records, links, always, never, config }).map((g) => g.map((i) => records[i].key));

  // Which old ids each new group can claim: those whose anchor record it holds.
  const anchorGroup = new Map<string, number>();
  groups.forEach((g, index) => g.forEach((key) => anchorGroup.set(key, index)));
  const claims: string[][] = groups.map(() => []);
  for (const id of [...affectedIds].sort(byKey)) {
    const g = anchorGroup.get(state.clusters.get(id)!.anchor);
    if (g !== undefined) claims[g].push(id);
  }

  const issuedIds = new Set(state.issuedIds);
  const clusterOf = new Map(state.clusterOf);
  const clusters = new Map(state.clusters);
  for (const id of affectedIds) clusters.delete(id);
  const events: IdentityEvent[] = [];

  groups.forEach((keys, g) => {
    let id: string;
    let anchor: string;
    const claimed = claims[g].sort((a, b) => compareAnchorKeys(state.clusters.get(a)!.anchor, state.clusters.get(b)!.anchor));
    if (claimed.length > 0) {
      id = claimed[0];
      anchor = state.clusters.get(id)!.anchor;
      if (claimed.length > 1) events.push({ type: 'MERGED', customerId: id, mergedIds: claimed.slice(1) });
      const before = new Set(state.clusters.get(id)!.members);
      const now = new Set(keys);
      const added = keys.filter((k) => !before.has(k));
      const removed = [...before].filter((k) => !now.has(k));
      if (added.length > 0 || removed.length > 0) events.push({ type: 'UPDATED', customerId: id, added: membersOf(added), removed: membersOf(removed) });
    } else {
      anchor = anchorOf(keys);
      let generation = 0;
      id = customerIdFor(anchor, generation);
      while (issuedIds.has(id)) id = customerIdFor(anchor, ++generation);
      issuedIds.add(id);
      if (keys.every((k) => !state.clusterOf.has(k))) events.push({ type: 'CREATED', customerId: id, members: membersOf(keys) });
    }
    clusters.set(id, { anchor, members: [...keys].sort(byKey) });
    for (const key of keys) clusterOf.set(key, id);
  });

  // Splits: an old cluster whose records now sit in several groups.
  for (const id of [...affectedIds].sort(byKey)) {
    const targets = new Set(state.clusters.get(id)!.members.map((k) => clusterOf.get(k)!));
    const survivor = clusters.has(id) ? id : null;
    if (targets.size > 1) events.push({ type: 'SPLIT', customerId: survivor ?? id, splitIds: [...targets].filter((t) => t !== survivor).sort(byKey) });
  }
  // Merged-away ids of clusters that also lost records show up in both lists: that is accurate.
  return { state: { config, overrides, parties, clusterOf, clusters, blocks, issuedIds }, events };
}

/** The state's clusters in the CLI/crosswalk shape, ordered by id. */
export function clustersOf(state: ResolutionState): Array<{ customerId: string; members: SourceRef[] }> {
  return [...state.clusters.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([customerId, entry]) => ({ customerId, members: membersOf([...entry.members]) }));
}

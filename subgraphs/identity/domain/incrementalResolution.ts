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
import { compareCandidates } from './candidatePairStore';
import { anchorOf, compareAnchorKeys, customerIdFor } from './customerId';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { dedupeAndSort, membersOf, modelFor, reviewPairsOf, runLinkage } from './resolveParties';
import { pairKey, type ScoredPair } from './reviewQueue';
import { NO_OVERRIDES, overridePairs, type SourceRef, type StewardOverrides } from './stewardOverrides';

export interface ClusterEntry {
  /** The record whose key the id was derived from (or inherited with). */
  anchor: string;
  /** Record keys, sorted. */
  members: readonly string[];
}

export interface ResolutionState {
  /**
   * The settings, with the model the state scores pairs with in `config.model` (trained when the
   * state was created, unless the caller brought one). A state without a model (one restored from
   * a snapshot that did not keep it) trains one from its records at the next apply.
   */
  readonly config: MatchConfig;
  readonly overrides: StewardOverrides;
  readonly parties: ReadonlyMap<string, NormalisedParty>;
  readonly clusterOf: ReadonlyMap<string, string>;
  readonly clusters: ReadonlyMap<string, ClusterEntry>;
  /** Blocking key -> keys of the records holding it. */
  readonly blocks: ReadonlyMap<string, readonly string[]>;
  /** Every id ever given out, live or retired: never reused. */
  readonly issuedIds: ReadonlySet<string>;
  /**
   * Scored pairs a steward may want to see (review band, or linked but kept apart), by pairKey;
   * `reviewQueue` turns them and the decisions into the queue. Optional for states built elsewhere.
   */
  readonly reviewPairs?: ReadonlyMap<string, ScoredPair>;
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

function addToBlocks(blocks: Map<string, readonly string[]>, party: NormalisedParty, config: MatchConfig): void {
  for (const key of new Set(blockingKeys(party, config.blockingRules))) blocks.set(key, [...(blocks.get(key) ?? []), party.key]);
}

function removeFromBlocks(blocks: Map<string, readonly string[]>, party: NormalisedParty, config: MatchConfig): void {
  for (const key of new Set(blockingKeys(party, config.blockingRules))) {
    const rest = (blocks.get(key) ?? []).filter((k) => k !== party.key);
    if (rest.length === 0) blocks.delete(key);
    else blocks.set(key, rest);
  }
}

/** A full (batch) resolution, kept as state for later incremental changes. */
export function createResolutionState(parties: Iterable<SourceParty>, options: StateOptions = {}): ResolutionState {
  const baseConfig = options.config ?? DEFAULT_MATCH_CONFIG;
  const overrides = options.overrides ?? NO_OVERRIDES;
  const normalised = dedupeAndSort([...parties].map(normaliseParty));
  const run = runLinkage(normalised, baseConfig, overrides);
  const config: MatchConfig = { ...baseConfig, model: run.model };
  const partyMap = new Map(normalised.map((p) => [p.key, p]));
  const clusterOf = new Map<string, string>();
  const clusterMap = new Map<string, ClusterEntry>();
  for (const group of run.groups) {
    const keys = group.map((i) => normalised[i].key);
    const anchor = anchorOf(keys);
    const id = customerIdFor(anchor);
    for (const key of keys) clusterOf.set(key, id);
    clusterMap.set(id, { anchor, members: keys });
  }
  const blocks = new Map<string, readonly string[]>();
  for (const p of normalised) addToBlocks(blocks, p, config);
  const reviewPairs = new Map(reviewPairsOf(run, config.thresholds.link).map((pair) => [pairKey(pair.a, pair.b), pair]));
  return { config, overrides, parties: partyMap, clusterOf, clusters: clusterMap, blocks, issuedIds: new Set(clusterMap.keys()), reviewPairs };
}

/** The state's config with a model: its own, or one trained now on the records it holds. */
function withModel(state: ResolutionState): MatchConfig {
  if (state.config.model) return state.config;
  const sorted = dedupeAndSort(state.parties.values());
  return { ...state.config, model: modelFor(sorted, compareCandidates(sorted, state.config).pairs, state.config).model };
}

export function emptyResolutionState(options: StateOptions = {}): ResolutionState {
  return createResolutionState([], options);
}

const tupleKey = ([a, b]: [string, string]): string => pairKey(a, b);

/** Records named in override pairs that were added or removed between two override lists. */
function overrideChanges(before: StewardOverrides, after: StewardOverrides): string[] {
  const keys = new Set<string>();
  const old = overridePairs(before);
  const now = overridePairs(after);
  for (const kind of ['always', 'never'] as const) {
    const a = new Set(old[kind].map(tupleKey));
    const b = new Set(now[kind].map(tupleKey));
    for (const p of now[kind]) if (!a.has(tupleKey(p))) p.forEach((k) => keys.add(k));
    for (const p of old[kind]) if (!b.has(tupleKey(p))) p.forEach((k) => keys.add(k));
  }
  return [...keys];
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Applies changed or new records (and, optionally, new steward overrides) to a resolution.
 * Records not yet known are added; known ones replaced. Returns the new state and the events.
 */
export function applyChanges(state: ResolutionState, changed: Iterable<SourceParty>, options: { overrides?: StewardOverrides } = {}): ApplyResult {
  const config = withModel(state);
  const overrides = options.overrides ?? state.overrides;
  const parties = new Map(state.parties);
  const blocks = new Map(state.blocks);
  const touched = new Set<string>();

  for (const party of changed) {
    const next = normaliseParty(party);
    const previous = parties.get(next.key);
    if (previous) removeFromBlocks(blocks, previous, config);
    parties.set(next.key, next);
    addToBlocks(blocks, next, config);
    touched.add(next.key);
  }
  for (const key of overrideChanges(state.overrides, overrides)) if (parties.has(key)) touched.add(key);

  // The neighbourhood: clusters of the touched records and of everything they share a key with.
  const affectedIds = new Set<string>();
  for (const key of touched) {
    const own = state.clusterOf.get(key);
    if (own) affectedIds.add(own);
    for (const blockKey of blockingKeys(parties.get(key)!, config.blockingRules)) {
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
  return relinkRegion(state, { config, overrides, parties, blocks }, region, affectedIds);
}

/**
 * Re-links and re-clusters the records of `region` (which holds every record of the clusters
 * `affectedIds`) under `next`, keeping ids: the shared second half of applyChanges and retrain.
 */
function relinkRegion(
  state: ResolutionState,
  next: { config: MatchConfig; overrides: StewardOverrides; parties: Map<string, NormalisedParty>; blocks: Map<string, readonly string[]> },
  region: ReadonlySet<string>,
  affectedIds: ReadonlySet<string>,
): ApplyResult {
  const { config, overrides, parties, blocks } = next;
  const records = dedupeAndSort([...region].map((k) => parties.get(k)!));

  const run = runLinkage(records, config, overrides, (key) => blocks.get(key)?.length ?? 0);
  const groups = run.groups.map((g) => g.map((i) => records[i].key));
  // The region's pairs are scored afresh: drop what the state knew of them, keep the rest.
  const reviewPairs = new Map<string, ScoredPair>();
  for (const [key, pair] of state.reviewPairs ?? []) if (!region.has(pair.a) && !region.has(pair.b)) reviewPairs.set(key, pair);
  for (const pair of reviewPairsOf(run, config.thresholds.link)) reviewPairs.set(pairKey(pair.a, pair.b), pair);

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
  return { state: { config, overrides, parties, clusterOf, clusters, blocks, issuedIds, reviewPairs }, events };
}

/**
 * Retrains the model on every record the state holds and re-scores the whole population with
 * it, keeping ids as applyChanges does (events say what moved). Steward decisions stay in force:
 * they are overrides of the clustering, not scores.
 */
export function retrainResolution(state: ResolutionState): ApplyResult {
  const sorted = dedupeAndSort(state.parties.values());
  const untrained: MatchConfig = { ...state.config, model: undefined };
  const model = modelFor(sorted, compareCandidates(sorted, untrained).pairs, untrained).model;
  const next = { config: { ...state.config, model }, overrides: state.overrides, parties: new Map(state.parties), blocks: new Map(state.blocks) };
  return relinkRegion(state, next, new Set(state.parties.keys()), new Set(state.clusters.keys()));
}

/** The state's clusters in the CLI/crosswalk shape, ordered by id. */
export function clustersOf(state: ResolutionState): Array<{ customerId: string; members: SourceRef[] }> {
  return [...state.clusters.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([customerId, entry]) => ({ customerId, members: membersOf([...entry.members]) }));
}

import type { SourceParty } from '../../adapters/canonical';
import { blockingKeys } from './domain/blocking';
import { anchorOf } from './domain/customerId';
import { DEFAULT_MATCH_CONFIG } from './domain/matchConfig';
import { normaliseParty } from './domain/normalisedParty';
import type { ClusterEntry, ResolutionState } from './domain/incrementalResolution';
import type { StewardOverrides } from './domain/stewardOverrides';

/** What identity persists so the crosswalk, its ids and the steward's decisions survive a restart. */
export interface IdentitySnapshot {
  version: 1;
  clusters: Array<{ customerId: string; members: string[] }>;
  issuedIds: string[];
  overrides: StewardOverrides;
  /** Change-feed cursor per system, to resume where the last run stopped. */
  cursors: Record<string, string>;
}

export function snapshotOf(state: ResolutionState, cursors: Record<string, string>): IdentitySnapshot {
  return {
    version: 1,
    clusters: [...state.clusters.entries()].map(([customerId, entry]) => ({ customerId, members: [...entry.members] })),
    issuedIds: [...state.issuedIds],
    overrides: state.overrides,
    cursors,
  };
}

/**
 * Rebuilds a resolution state from a snapshot and the records the systems hold now, keeping
 * every saved id and membership as it was (no re-clustering: that would be a full re-run).
 * Records the snapshot does not know are returned so the caller can apply them incrementally;
 * saved members whose record is gone are dropped.
 */
export function restoreState(snapshot: IdentitySnapshot, parties: Iterable<SourceParty>): { state: ResolutionState; unknown: SourceParty[] } {
  const normalised = new Map<string, ReturnType<typeof normaliseParty>>();
  const raw = new Map<string, SourceParty>();
  for (const party of parties) {
    const n = normaliseParty(party);
    normalised.set(n.key, n);
    raw.set(n.key, party);
  }
  const clusterOf = new Map<string, string>();
  const clusters = new Map<string, ClusterEntry>();
  for (const cluster of snapshot.clusters) {
    const members = cluster.members.filter((key) => normalised.has(key)).sort();
    if (members.length === 0) continue;
    clusters.set(cluster.customerId, { anchor: anchorOf(members), members });
    for (const key of members) clusterOf.set(key, cluster.customerId);
  }
  const blocks = new Map<string, string[]>();
  const known = [...normalised.values()].filter((p) => clusterOf.has(p.key));
  for (const party of known) {
    for (const key of new Set(blockingKeys(party))) {
      const list = blocks.get(key);
      if (list) list.push(party.key);
      else blocks.set(key, [party.key]);
    }
  }
  const state: ResolutionState = {
    config: DEFAULT_MATCH_CONFIG,
    overrides: snapshot.overrides,
    parties: new Map(known.map((p) => [p.key, p])),
    clusterOf,
    clusters,
    blocks,
    issuedIds: new Set(snapshot.issuedIds),
  };
  const unknown = [...raw.entries()].filter(([key]) => !clusterOf.has(key)).map(([, party]) => party);
  return { state, unknown };
}

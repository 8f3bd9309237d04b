import { LRUCache } from 'lru-cache';
import type { SourceParty, SourceSystem } from '../../adapters/canonical';
import { computeGoldenProfile, type GoldenProfile } from './domain/goldenProfile';

/**
 * Golden profiles computed once per version of a customer's records, not once per request.
 *
 * computeGoldenProfile is a pure function of the records and of the systems that were
 * unavailable (no clock, no configuration read per call: the policy is the default one), so the
 * key is those inputs themselves, serialised: a changed record (a new value, a new `changedAt`,
 * a record gone or added, an outage) is a different key, so no invalidation is needed and no
 * stale profile can be served. It was the largest self-time of the subgraphs process
 * (phone parsing, normalisation and survivorship per field per request: ~6 ms per customerList
 * page of 50; BENCHMARKS.md "Golden profile memo and planner statistics").
 *
 * The profile is shared between requests: it is frozen so no code path can change one
 * request's answer for another. Bounded (LRU) so memory stays flat whatever the traffic.
 */
// ~6.3 KiB an entry (key and frozen profile) for a customer with four records (measured with
// --expose-gc: 10,000 such entries held 63 MiB): 2,000 keep ~13 MiB, and cover a page of 50 and
// the customers being looked at now.
export const GOLDEN_PROFILE_MEMO_ENTRIES = 2_000;

export interface GoldenProfileMemo {
  profileOf(parties: readonly SourceParty[], unavailableSystems: readonly SourceSystem[]): GoldenProfile;
  readonly size: number;
}

export function createGoldenProfileMemo(maxEntries = GOLDEN_PROFILE_MEMO_ENTRIES): GoldenProfileMemo {
  const profiles = new LRUCache<string, GoldenProfile>({ max: maxEntries });
  return {
    profileOf(parties, unavailableSystems) {
      const key = JSON.stringify([parties, unavailableSystems]);
      const known = profiles.get(key);
      if (known) return known;
      const profile = deepFreeze(computeGoldenProfile(parties, { unavailableSystems }));
      profiles.set(key, profile);
      return profile;
    },
    get size() {
      return profiles.size;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SourceParty, SourceSystem } from '../../adapters/canonical';
import { SYSTEM_REGISTRY } from '../../systems/registry';
import { createGoldenProfileMemo } from './goldenProfileMemo';

/**
 * What the gateway hands us through @requires: each system's records of the customer. A system
 * subgraph answers `[]` when the crosswalk lists no record of the customer there (it does not
 * even ask the system), the records when it could read them, and null with an error when the
 * system failed (outage, timeout, malformed answer). So null here means "unavailable", never
 * "no record"; the profile is computed from the others and every field says it is incomplete.
 */
type CustomerWithRecords = { id: string } & Partial<Record<RecordsField, SourceParty[] | null>>;

/** The @requires field carrying each system's records (`records.all` in its registry entry). */
type RecordsField = (typeof SYSTEM_REGISTRY)[number]['records']['all'];
const RECORDS_OF: ReadonlyArray<[SourceSystem, RecordsField]> = SYSTEM_REGISTRY.map((system) => [system.name, system.records.all]);

export function recordsAndAvailability(customer: CustomerWithRecords): { parties: SourceParty[]; unavailableSystems: SourceSystem[] } {
  const parties: SourceParty[] = [];
  const unavailableSystems: SourceSystem[] = [];
  for (const [system, field] of RECORDS_OF) {
    const records = customer[field] as SourceParty[] | null | undefined;
    if (records === null || records === undefined) unavailableSystems.push(system);
    else parties.push(...records);
  }
  return { parties, unavailableSystems };
}

// One memo per process: the same customer's unchanged records give the same profile (goldenProfileMemo.ts).
const goldenProfiles = createGoldenProfileMemo();

export const profileResolvers: GraphQLResolverMap<object> = {
  Customer: {
    __resolveReference: (ref: CustomerWithRecords) => ref,
    profile: (customer: CustomerWithRecords) => {
      const { parties, unavailableSystems } = recordsAndAvailability(customer);
      return goldenProfiles.profileOf(parties, unavailableSystems);
    },
  },
};

import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SourceParty } from '../../adapters/canonical';
import { computeGoldenProfile } from './domain/goldenProfile';

/**
 * What the gateway hands us through @requires: each system's records of the customer. A list
 * is null when that system failed; the profile is then computed from the others (and the
 * candidates show which systems were heard).
 */
type CustomerWithRecords = {
  id: string;
  coreBankingRecords?: SourceParty[] | null;
  cardholderRecords?: SourceParty[] | null;
  erpPartnerRecords?: SourceParty[] | null;
  callCenterRecords?: SourceParty[] | null;
};

export const profileResolvers: GraphQLResolverMap<object> = {
  Customer: {
    __resolveReference: (ref: CustomerWithRecords) => ref,
    profile: (customer: CustomerWithRecords) =>
      computeGoldenProfile([
        ...(customer.coreBankingRecords ?? []),
        ...(customer.cardholderRecords ?? []),
        ...(customer.erpPartnerRecords ?? []),
        ...(customer.callCenterRecords ?? []),
      ]),
  },
};

import type { SourceParty } from '../../adapters/canonical';
import { recordsAndAvailability } from './resolvers';

const record = (system: SourceParty['system']): SourceParty => ({
  system, localId: '1', givenName: 'ANN', familyName: 'LEE', rawName: null, birthDate: null, nationalId: null, phones: [], emails: [], address: null, changedAt: null,
});

describe('recordsAndAvailability', () => {
  // [what @requires handed over, systems unavailable, records kept]
  const cases: Array<[string, Parameters<typeof recordsAndAvailability>[0], string[], number]> = [
    ['every system answered', { id: 'c', coreBankingRecords: [record('CORE_BANKING')], cardholderRecords: [], erpPartnerRecords: [record('ERP')], callCenterRecords: [], mortgageBorrowerRecords: [] }, [], 2],
    ['no record in a system is not an outage', { id: 'c', coreBankingRecords: [], cardholderRecords: [], erpPartnerRecords: [], callCenterRecords: [], mortgageBorrowerRecords: [] }, [], 0],
    ['a null list is an outage', { id: 'c', coreBankingRecords: [record('CORE_BANKING')], cardholderRecords: [], erpPartnerRecords: null, callCenterRecords: [], mortgageBorrowerRecords: [] }, ['ERP'], 1],
    ['several outages, in registry order', { id: 'c', coreBankingRecords: null, cardholderRecords: [record('CARDS')], erpPartnerRecords: [], callCenterRecords: null, mortgageBorrowerRecords: null }, ['CORE_BANKING', 'CALL_CENTER', 'MORTGAGES'], 1],
  ];
  it.each(cases)('%s', (_case, customer, unavailable, kept) => {
    const { parties, unavailableSystems } = recordsAndAvailability(customer);
    expect(unavailableSystems).toEqual(unavailable);
    expect(parties).toHaveLength(kept);
  });
});

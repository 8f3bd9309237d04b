import { party } from '../testing/fakeSourceAdapter';
import { discrepancyRowsOf, type CustomerRecordsBatch } from './discrepancyRows';

const ada = (system: 'CORE_BANKING' | 'CARDS' | 'CALL_CENTER', localId: string, email: string, phone: string) =>
  JSON.stringify(party(system, localId, { givenName: 'Ada', familyName: 'Lovelace', emails: [email], phones: [phone] }));

describe('discrepancyRowsOf', () => {
  it('gives each customer of the batch its own discrepancies, as table rows', () => {
    const batch: CustomerRecordsBatch = {
      customerIds: ['cust_a', 'cust_b', 'cust_c'],
      counts: [2, 1, 2],
      parties: [
        // cust_a: the emails differ, the phones are one number written two ways.
        ada('CORE_BANKING', '1000000001', 'ada@example.org', '07700 900123'),
        ada('CARDS', 'CH10000001', 'ada.l@example.org', '+44 7700 900123'),
        // cust_b: one record, nothing to disagree with.
        ada('CARDS', 'CH10000002', 'other@example.org', '07700 900999'),
        // cust_c: the phones differ (call center listed first: the row still puts core banking first).
        ada('CALL_CENTER', 'C100000003', 'c@example.org', '07700 900333'),
        ada('CORE_BANKING', '1000000003', 'c@example.org', '07700 900334'),
      ],
    };
    expect(discrepancyRowsOf(batch)).toEqual([
      ['cust_a', 'EMAIL', 'CORE_BANKING', '1000000001', 'ada@example.org', 'CARDS', 'CH10000001', 'ada.l@example.org'],
      ['cust_c', 'MOBILE_PHONE', 'CORE_BANKING', '1000000003', '07700 900334', 'CALL_CENTER', 'C100000003', '07700 900333'],
    ]);
  });

  it('gives nothing for an empty batch', () => {
    expect(discrepancyRowsOf({ customerIds: [], counts: [], parties: [] })).toEqual([]);
  });
});

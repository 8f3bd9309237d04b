import type { SourceParty } from '../../adapters/canonical';
import { countDiscrepancies, discrepanciesOf, matchesFilter } from './discrepancies';

const party = (over: Partial<SourceParty>): SourceParty => ({
  system: 'CORE_BANKING', localId: '0000000001', givenName: null, familyName: null, rawName: null, birthDate: null,
  nationalId: null, phones: [], emails: [], address: null, changedAt: null, ...over,
});

describe('discrepanciesOf', () => {
  const core = party({ givenName: 'Ann', familyName: 'Lee', emails: ['ann@old.example'], phones: ['07700 900123'] });
  const cards = party({ system: 'CARDS', localId: 'CH00000001', rawName: 'LEE/ANN', emails: ['ANN@new.example'], phones: ['+447700900123'] });
  const callCenter = party({ system: 'CALL_CENTER', localId: 'C000000001', givenName: 'Anne', familyName: 'Lee', emails: ['ann@new.example'] });

  it('reports each disagreeing pair once, systems in a fixed order, ignoring format-only differences', () => {
    const found = discrepanciesOf('cust_x', [callCenter, cards, core]);
    expect(found.filter((d) => d.field === 'MOBILE_PHONE')).toEqual([]);
    expect(found.filter((d) => d.field === 'EMAIL').map((d) => `${d.systemA}-${d.systemB}`)).toEqual(['CORE_BANKING-CARDS', 'CORE_BANKING-CALL_CENTER']);
    expect(found.filter((d) => d.field === 'FULL_NAME').map((d) => `${d.systemA}-${d.systemB}`)).toEqual(['CORE_BANKING-CALL_CENTER', 'CARDS-CALL_CENTER']);
  });

  it('filters by field and by system pair and counts per pair', () => {
    const found = discrepanciesOf('cust_x', [core, cards, callCenter]);
    const pair = found.filter((d) => matchesFilter(d, { systems: ['CALL_CENTER', 'CORE_BANKING'] }));
    expect(pair.map((d) => d.field).sort()).toEqual(['EMAIL', 'FULL_NAME']);
    expect(found.filter((d) => matchesFilter(d, { field: 'EMAIL', systems: ['CARDS'] }))).toHaveLength(1);
    expect(countDiscrepancies(found)).toEqual([
      { field: 'EMAIL', systemA: 'CORE_BANKING', systemB: 'CALL_CENTER', count: 1 },
      { field: 'EMAIL', systemA: 'CORE_BANKING', systemB: 'CARDS', count: 1 },
      { field: 'FULL_NAME', systemA: 'CARDS', systemB: 'CALL_CENTER', count: 1 },
      { field: 'FULL_NAME', systemA: 'CORE_BANKING', systemB: 'CALL_CENTER', count: 1 },
    ]);
  });

  it('does not report two values held by one record', () => {
    expect(discrepanciesOf('cust_x', [party({ emails: ['a@x.example', 'b@x.example'] })])).toEqual([]);
  });
});

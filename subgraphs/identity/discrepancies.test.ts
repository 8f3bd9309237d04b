import type { SourceParty } from '../../adapters/canonical';
import { countDiscrepancies, discrepanciesOf, discrepancyDetails, matchesFilter } from './discrepancies';

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

  it('reports a mortgage borrower record like any other source, after the four others', () => {
    const borrower = party({ system: 'MORTGAGES', localId: 'MB00000001', givenName: 'Ann', familyName: 'Lee', emails: ['ann@application-form.example'], address: { line1: '1 Old Road', line2: null, city: 'York', postalCode: 'YO1 1AA', country: 'GB' } });
    const found = discrepanciesOf('cust_x', [borrower, core, callCenter]);
    expect(found.filter((d) => d.field === 'EMAIL').map((d) => `${d.systemA}-${d.systemB}`)).toEqual(['CORE_BANKING-CALL_CENTER', 'CORE_BANKING-MORTGAGES', 'CALL_CENTER-MORTGAGES']);
    expect(found.filter((d) => matchesFilter(d, { field: 'EMAIL', systems: ['MORTGAGES', 'CORE_BANKING'] }))).toHaveLength(1);
  });

  it('does not report two values held by one record', () => {
    expect(discrepanciesOf('cust_x', [party({ emails: ['a@x.example', 'b@x.example'] })])).toEqual([]);
  });
});

describe('discrepancyDetails', () => {
  const core = party({ givenName: 'RICHARD', familyName: 'SHAH', emails: ['rick@old.example'], changedAt: '2024-03-01T10:00:00.000Z' });
  const cards = party({ system: 'CARDS', localId: 'CH00000001', rawName: 'SHAH/RICHARD', emails: ['Rick@New.Example'], changedAt: '2026-02-01T09:30:00.000Z' });
  // The call center does not say when its record changed.
  const callCenter = party({ system: 'CALL_CENTER', localId: 'C000000001', givenName: 'RICK', familyName: 'SHAH', emails: [] });
  const parties = [core, cards, callCenter];

  it('gives both sides raw and normalised, when each changed, the customer\'s name and the served value with its rule', () => {
    const email = discrepanciesOf('cust_x', parties).find((d) => d.field === 'EMAIL')!;
    expect(email).toMatchObject({ valueA: 'rick@old.example', valueB: 'Rick@New.Example' });
    expect(discrepancyDetails(email, parties)).toEqual({
      customerName: 'Richard Shah',
      normalizedValueA: 'rick@old.example',
      changedAtA: '2024-03-01T10:00:00.000Z',
      normalizedValueB: 'rick@new.example',
      changedAtB: '2026-02-01T09:30:00.000Z',
      servedValue: 'rick@new.example',
      servedRule: 'MOST_RECENT',
    });
  });

  it('says null where a system does not tell when its record changed, and names the nickname rule', () => {
    const name = discrepanciesOf('cust_x', parties).find((d) => d.field === 'FULL_NAME' && d.systemB === 'CALL_CENTER')!;
    expect(discrepancyDetails(name, parties)).toMatchObject({
      normalizedValueB: 'rick shah',
      changedAtB: null,
      servedValue: 'Richard Shah',
      servedRule: 'LEGAL_NAME_OVER_NICKNAME',
    });
    expect(name.valueB).toBe('RICK SHAH');
  });

  it('formats an address on one line for the served value', () => {
    const home = { line1: '97 Castle Street', line2: null, city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };
    const a = party({ address: home, changedAt: '2026-01-01T00:00:00.000Z' });
    const b = party({ system: 'ERP', localId: '1000000001', address: { ...home, line1: '12 Mill Lane' }, changedAt: '2020-01-01T00:00:00.000Z' });
    const found = discrepanciesOf('cust_x', [a, b]).find((d) => d.field === 'ADDRESS')!;
    expect(discrepancyDetails(found, [a, b])).toMatchObject({ servedValue: '97 Castle Street, Leeds, LS1 1AA, GB', servedRule: 'MOST_RECENT' });
  });
});

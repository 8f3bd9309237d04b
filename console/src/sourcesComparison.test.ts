import { compareSources, formatAddress, type GoldenFieldValue } from './sourcesComparison';

const email: GoldenFieldValue = {
  value: 'ann@new.example',
  source: { system: 'CALL_CENTER', localId: 'C000000001', changedAt: '2026-01-02T00:00:00Z' },
  asOf: '2026-01-02T00:00:00Z',
  rule: 'MOST_RECENT',
  conflict: true,
  candidates: [
    { system: 'CORE_BANKING', localId: '0000000001', value: 'ANN@OLD.EXAMPLE', normalizedValue: 'ann@old.example', asOf: '2025-01-01T00:00:00Z' },
    { system: 'CALL_CENTER', localId: 'C000000001', value: 'ann@new.example', normalizedValue: 'ann@new.example', asOf: '2026-01-02T00:00:00Z' },
    { system: 'CARDS', localId: 'CH00000001', value: 'Ann@New.Example', normalizedValue: 'ann@new.example', asOf: '2025-06-01T00:00:00Z' },
  ],
};

describe('compareSources', () => {
  it('puts every candidate under its system, marks the winner and the values that differ', () => {
    const [row] = compareSources({ email });
    expect(row).toMatchObject({ field: 'email', label: 'Email', served: 'ann@new.example', rule: 'MOST_RECENT', conflict: true, winner: { system: 'CALL_CENTER', localId: 'C000000001' } });
    expect(row.cells.CALL_CENTER).toEqual([{ localId: 'C000000001', value: 'ann@new.example', asOf: '2026-01-02T00:00:00Z', winner: true, differs: false }]);
    expect(row.cells.CORE_BANKING[0]).toMatchObject({ winner: false, differs: true });
    // Same after normalisation (case): not a difference.
    expect(row.cells.CARDS[0]).toMatchObject({ winner: false, differs: false });
    expect(row.cells.ERP).toEqual([]);
  });

  it('leaves out fields the answer does not hold and formats the address on one line', () => {
    const rows = compareSources({
      email: null,
      address: { ...email, value: { line1: '1 High St', line2: null, city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' }, candidates: [] },
    });
    expect(rows.map((r) => r.field)).toEqual(['address']);
    expect(rows[0].served).toBe('1 High St, Leeds, LS1 1AA, GB');
    expect(formatAddress(null)).toBeNull();
  });
});

describe('compareSources: why a system says nothing', () => {
  const name: GoldenFieldValue = {
    value: 'Ann Lee',
    source: { system: 'CORE_BANKING', localId: '0000000001', changedAt: null },
    asOf: null,
    rule: 'AGREED_AMONG_AVAILABLE',
    conflict: false,
    complete: false,
    unavailableSystems: ['ERP'],
    candidates: [{ system: 'CORE_BANKING', localId: '0000000001', value: 'ANN LEE', normalizedValue: 'ann lee', asOf: null }],
  };
  // The crosswalk lists a record in every system but cards.
  const keys = [
    { system: 'CORE_BANKING', localId: '0000000001' },
    { system: 'ERP', localId: '1000000001' },
    { system: 'CALL_CENTER', localId: 'C000000001' },
  ];

  it('tells unavailable, no record and record without this field apart', () => {
    const [row] = compareSources({ fullName: name }, keys);
    expect(row.states).toEqual({ CORE_BANKING: 'values', CARDS: 'no-record', ERP: 'unavailable', CALL_CENTER: 'no-field', MORTGAGES: 'no-record' });
    expect(row).toMatchObject({ complete: false, unavailableSystems: ['ERP'] });
  });

  it('says unavailable even when the crosswalk lists no key (the outage is what the graph knows)', () => {
    const [row] = compareSources({ fullName: { ...name, unavailableSystems: ['CARDS'] } }, keys);
    expect(row.states.CARDS).toBe('unavailable');
    expect(row.states.ERP).toBe('no-field');
  });

  it('counts a field as complete when the gateway does not say otherwise', () => {
    const [row] = compareSources({ email }, keys);
    expect(row.complete).toBe(true);
    expect(row.states.ERP).toBe('no-field');
  });
});

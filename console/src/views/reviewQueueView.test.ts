import { SYSTEM_REGISTRY } from '../../../systems/registry';
import { recordOf, sideBySide, waterfallBars, type Party } from './reviewQueueView';

const party = (over: Partial<Party>): Party => ({ system: 'CORE_BANKING', localId: '1', givenName: null, familyName: null, birthDate: null, nationalId: null, phones: [], emails: [], address: null, ...over });

describe('the review queue view', () => {
  it('builds the waterfall from the prior, each comparison adding its weight to a running total', () => {
    const bars = waterfallBars({
      priorWeight: -10,
      matchWeight: 1.5,
      probability: 0.739,
      steps: [
        { comparison: 'givenName', level: 'exact', weight: 7, termFrequencyAdjustment: 0 },
        { comparison: 'familyName', level: 'exact', weight: 6.5, termFrequencyAdjustment: 0.5 },
        { comparison: 'phone', level: 'else', weight: -2, termFrequencyAdjustment: 0 },
      ],
    });
    expect(bars.map((b) => [b.label, b.from, b.to])).toEqual([
      ['prior', 0, -10],
      ['givenName', -10, -3],
      ['familyName', -3, 3.5],
      ['phone', 3.5, 1.5],
    ]);
  });

  it('puts the two records field by field, marking differences but not blanks or case', () => {
    const a = party({ givenName: 'Ann', familyName: 'LEE', phones: ['+44 7700 900100'] });
    const b = party({ system: 'CALL_CENTER', localId: 'C1', givenName: 'Anne', familyName: 'Lee', birthDate: null, phones: ['+44 7700 900200'] });
    const rows = Object.fromEntries(sideBySide(a, b).map((r) => [r.label, r]));
    expect(rows['Given name']).toMatchObject({ a: 'Ann', b: 'Anne', differs: true });
    expect(rows['Family name']).toMatchObject({ differs: false });
    expect(rows['Birth date']).toMatchObject({ a: '', b: '', differs: false });
    expect(rows.Phones).toMatchObject({ differs: true });
    expect(sideBySide(a, null).every((r) => !r.differs && r.b === '')).toBe(true);
  });

  it('finds the queued record among its customer\'s records, or says it is not readable', () => {
    // Every registered system's records absent, then the four this case is about.
    const noRecords = Object.fromEntries(SYSTEM_REGISTRY.map((system) => [system.records.all, null])) as Record<(typeof SYSTEM_REGISTRY)[number]['records']['all'], null>;
    const customer = { id: 'cust_1', ...noRecords, coreBankingRecords: [party({ localId: '1' }), party({ localId: '2' })], cardholderRecords: null, erpPartnerRecords: [], callCenterRecords: [party({ system: 'CALL_CENTER', localId: '2' })] };
    expect(recordOf(customer, { system: 'CALL_CENTER', localId: '2' })?.system).toBe('CALL_CENTER');
    expect(recordOf(customer, { system: 'CARDS', localId: '2' })).toBeNull();
    expect(recordOf(null, { system: 'CORE_BANKING', localId: '1' })).toBeNull();
  });
});

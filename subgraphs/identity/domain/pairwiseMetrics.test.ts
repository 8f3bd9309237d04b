import { indexTruthPerson, noTruthKeys, pairwiseScore } from './pairwiseMetrics';

const truth = new Map<string, string>();
indexTruthPerson(truth, { personId: 'P1', keys: { ...noTruthKeys(), cifs: ['1'], cardholderIds: ['CH1'], partnerIds: [], contactIds: ['C1'] } });
indexTruthPerson(truth, { personId: 'P2', keys: { ...noTruthKeys(), cifs: ['2', '22'], cardholderIds: [], partnerIds: ['9'], contactIds: [] } });

const m = (system: 'CORE_BANKING' | 'CARDS' | 'ERP' | 'CALL_CENTER', localId: string) => ({ system, localId });

describe('pairwiseScore', () => {
  it('is perfect for the true clustering', () => {
    const s = pairwiseScore(
      [
        { members: [m('CORE_BANKING', '1'), m('CARDS', 'CH1'), m('CALL_CENTER', 'C1')] },
        { members: [m('CORE_BANKING', '2'), m('CORE_BANKING', '22'), m('ERP', '9')] },
      ],
      truth,
    );
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1, truePairs: 6, predictedPairs: 6 });
  });

  it('counts a missed record as lost recall', () => {
    const s = pairwiseScore(
      [
        { members: [m('CORE_BANKING', '1'), m('CARDS', 'CH1')] },
        { members: [m('CALL_CENTER', 'C1')] },
        { members: [m('CORE_BANKING', '2'), m('CORE_BANKING', '22'), m('ERP', '9')] },
      ],
      truth,
    );
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(4 / 6);
  });

  it('counts a false merge as lost precision', () => {
    const s = pairwiseScore([{ members: [m('CORE_BANKING', '1'), m('CARDS', 'CH1'), m('CALL_CENTER', 'C1'), m('CORE_BANKING', '2')] }, { members: [m('CORE_BANKING', '22'), m('ERP', '9')] }], truth);
    expect(s.truePositivePairs).toBe(4);
    expect(s.predictedPairs).toBe(7);
    expect(s.precision).toBeCloseTo(4 / 7);
    expect(s.recall).toBeCloseTo(4 / 6);
  });

  it('treats records unknown to the truth as their own person', () => {
    const s = pairwiseScore([{ members: [m('CORE_BANKING', '1'), m('CARDS', 'UNKNOWN')] }], truth);
    expect(s.unknownRecords).toBe(1);
    expect(s.precision).toBe(0);
  });

  it('handles empty input', () => {
    expect(pairwiseScore([], truth)).toMatchObject({ precision: 1, recall: 1 });
  });
});

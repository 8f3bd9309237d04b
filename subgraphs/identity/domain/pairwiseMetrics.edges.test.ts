import { indexTruthPerson, noTruthKeys, pairwiseScore, type TruthPerson } from './pairwiseMetrics';

const m = (system: 'CORE_BANKING' | 'CARDS' | 'ERP' | 'CALL_CENTER', localId: string) => ({ system, localId });

describe('pairwiseScore, every figure by hand', () => {
  const truth = new Map<string, string>();
  indexTruthPerson(truth, { personId: 'P1', keys: { ...noTruthKeys(), cifs: ['1'], cardholderIds: ['CH1'], partnerIds: [], contactIds: ['C1'] } });
  indexTruthPerson(truth, { personId: 'P2', keys: { ...noTruthKeys(), cifs: ['2', '22'], cardholderIds: [], partnerIds: ['9'], contactIds: [] } });

  it('indexes each system’s ids under that system', () => {
    expect([...truth.entries()].sort()).toEqual([
      ['CALL_CENTER:C1', 'P1'],
      ['CARDS:CH1', 'P1'],
      ['CORE_BANKING:1', 'P1'],
      ['CORE_BANKING:2', 'P2'],
      ['CORE_BANKING:22', 'P2'],
      ['ERP:9', 'P2'],
    ]);
  });

  it('skips key lists a truth file leaves out', () => {
    const index = new Map<string, string>();
    indexTruthPerson(index, { personId: 'P3', keys: { ...noTruthKeys(), cifs: ['3'] } } as unknown as TruthPerson);
    expect([...index.entries()]).toEqual([['CORE_BANKING:3', 'P3']]);
  });

  it('scores a false merge: precision 4/7, recall 4/6, F1 8/13', () => {
    const s = pairwiseScore([{ members: [m('CORE_BANKING', '1'), m('CARDS', 'CH1'), m('CALL_CENTER', 'C1'), m('CORE_BANKING', '2')] }, { members: [m('CORE_BANKING', '22'), m('ERP', '9')] }], truth);
    expect(s.precision).toBeCloseTo(4 / 7, 12);
    expect(s.recall).toBeCloseTo(4 / 6, 12);
    expect(s.f1).toBeCloseTo(8 / 13, 12);
    expect(s).toMatchObject({ truePositivePairs: 4, predictedPairs: 7, truePairs: 6, unknownRecords: 0 });
  });

  it('gives F1 0 when nothing put together is right and nothing right is put together', () => {
    const s = pairwiseScore([{ members: [m('CORE_BANKING', '1'), m('CORE_BANKING', '2')] }, { members: [m('CARDS', 'CH1')] }], truth);
    expect(s).toEqual({ precision: 0, recall: 0, f1: 0, truePositivePairs: 0, predictedPairs: 1, truePairs: 1, unknownRecords: 0 });
  });

  it('counts unknown records, which pair with nobody', () => {
    const s = pairwiseScore([{ members: [m('CORE_BANKING', '1'), m('CARDS', 'X1'), m('ERP', 'X2')] }, { members: [m('CARDS', 'CH1')] }], truth);
    expect(s).toEqual({ precision: 0, recall: 0, f1: 0, truePositivePairs: 0, predictedPairs: 3, truePairs: 1, unknownRecords: 2 });
  });

  it('counts only the true pairs among clustered records', () => {
    const s = pairwiseScore([{ members: [m('CORE_BANKING', '1'), m('CARDS', 'CH1')] }], truth);
    expect(s).toEqual({ precision: 1, recall: 1, f1: 1, truePositivePairs: 1, predictedPairs: 1, truePairs: 1, unknownRecords: 0 });
  });

  it('is perfect for singletons of singletons', () => {
    expect(pairwiseScore([{ members: [m('CORE_BANKING', '1')] }, { members: [m('ERP', '9')] }], truth)).toEqual({ precision: 1, recall: 1, f1: 1, truePositivePairs: 0, predictedPairs: 0, truePairs: 0, unknownRecords: 0 });
  });
});

import { applyRule, survive, type Candidate } from './survivorship';
import type { FieldPolicy } from './survivorshipPolicy';

// Each rule on its own, and the order candidates are listed and ties broken in: expected values
// written by hand.

const c = (system: Candidate['system'], localId: string, value: string, over: Partial<Candidate> = {}): Candidate => ({
  system, localId, value, normalizedValue: value, completeness: 1, changedAt: null, ...over,
});
const ids = (candidates: Candidate[]) => candidates.map((x) => x.localId);

const kycFirst: FieldPolicy = { rules: [], sourcePriority: ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'] };

describe('applyRule', () => {
  it('SOURCE_PRIORITY keeps the candidates of the first system in the priority that has any', () => {
    const all = [c('CALL_CENTER', 'c', 'x'), c('ERP', 'e', 'y'), c('CARDS', 'k1', 'z'), c('CARDS', 'k2', 'w')];
    expect(ids(applyRule('SOURCE_PRIORITY', all, kycFirst))).toEqual(['k1', 'k2']);
    expect(ids(applyRule('SOURCE_PRIORITY', all, { rules: [], sourcePriority: ['ERP', 'CARDS'] }))).toEqual(['e']);
  });

  it('SOURCE_PRIORITY ranks a system the priority does not list after every listed one', () => {
    const partial: FieldPolicy = { rules: [], sourcePriority: ['CARDS', 'ERP'] };
    expect(ids(applyRule('SOURCE_PRIORITY', [c('CORE_BANKING', 'b', 'x'), c('ERP', 'e', 'y')], partial))).toEqual(['e']);
    expect(ids(applyRule('SOURCE_PRIORITY', [c('CORE_BANKING', 'b', 'x'), c('CALL_CENTER', 'c', 'y')], partial))).toEqual(['b', 'c']);
    // One listed system, one not: the listed one even when it comes last in the list.
    expect(ids(applyRule('SOURCE_PRIORITY', [c('CORE_BANKING', 'b', 'x'), c('ERP', 'e', 'y')], { rules: [], sourcePriority: ['CARDS', 'CALL_CENTER', 'ERP'] }))).toEqual(['e']);
  });

  it('MOST_RECENT keeps the latest change, and an undated record only when none is dated', () => {
    const dated = [c('ERP', 'old', 'x', { changedAt: '2020-01-01T00:00:00.000Z' }), c('ERP', 'new', 'y', { changedAt: '2021-01-01T00:00:00.000Z' }), c('ERP', 'none', 'z')];
    expect(ids(applyRule('MOST_RECENT', dated, kycFirst))).toEqual(['new']);
    expect(ids(applyRule('MOST_RECENT', [c('ERP', 'a', 'x'), c('ERP', 'b', 'y')], kycFirst))).toEqual(['a', 'b']);
    // Compared as instants, not as text.
    const zones = [c('ERP', 'utc', 'x', { changedAt: '2020-01-01T10:00:00.000Z' }), c('ERP', 'plus2', 'y', { changedAt: '2020-01-01T11:00:00+02:00' })];
    expect(ids(applyRule('MOST_RECENT', zones, kycFirst))).toEqual(['utc']);
  });

  it('MOST_FREQUENT keeps every candidate of the value most candidates hold', () => {
    const votes = [c('ERP', '1', 'a'), c('ERP', '2', 'b'), c('ERP', '3', 'b'), c('ERP', '4', 'c')];
    expect(ids(applyRule('MOST_FREQUENT', votes, kycFirst))).toEqual(['2', '3']);
    expect(ids(applyRule('MOST_FREQUENT', [c('ERP', '1', 'a'), c('ERP', '2', 'b')], kycFirst))).toEqual(['1', '2']);
  });

  it('MOST_COMPLETE keeps the candidates with the most parts filled', () => {
    const parts = [c('ERP', '1', 'a', { completeness: 2 }), c('ERP', '2', 'b', { completeness: 5 }), c('ERP', '3', 'c', { completeness: 5 })];
    expect(ids(applyRule('MOST_COMPLETE', parts, kycFirst))).toEqual(['2', '3']);
  });

  it('LEGAL_NAME_OVER_NICKNAME drops nicknames, unless every candidate is one', () => {
    expect(ids(applyRule('LEGAL_NAME_OVER_NICKNAME', [c('ERP', 'rick', 'r', { nickname: true }), c('ERP', 'richard', 'q')], kycFirst))).toEqual(['richard']);
    expect(ids(applyRule('LEGAL_NAME_OVER_NICKNAME', [c('ERP', 'rick', 'r', { nickname: true }), c('ERP', 'bill', 'b', { nickname: true })], kycFirst))).toEqual(['rick', 'bill']);
  });
});

describe('survive: the stable order', () => {
  it('lists candidates by system (core banking, cards, ERP, call center), then local id', () => {
    const result = survive([c('CALL_CENTER', 'C1', 'a'), c('ERP', 'P2', 'a'), c('ERP', 'P1', 'a'), c('CARDS', 'K1', 'a'), c('CORE_BANKING', 'B9', 'a')], kycFirst);
    expect(result.candidates.map((x) => `${x.system}:${x.localId}`)).toEqual(['CORE_BANKING:B9', 'CARDS:K1', 'ERP:P1', 'ERP:P2', 'CALL_CENTER:C1']);
  });

  it('within one record: by compared value, then by value as held', () => {
    const result = survive([c('ERP', 'P1', 'b'), c('ERP', 'P1', 'a'), c('ERP', 'P1', 'SMITH', { normalizedValue: 'smith' }), c('ERP', 'P1', 'Smith', { normalizedValue: 'smith' })], kycFirst);
    expect(result.candidates.map((x) => x.value)).toEqual(['a', 'b', 'SMITH', 'Smith']);
  });

  it('the same value read twice: the more complete, then the more recent, first', () => {
    const result = survive([
      // Given least recent first, so that only the ordering can put them right.
      c('ERP', 'P1', 'a', { completeness: 1, changedAt: null }),
      c('ERP', 'P1', 'a', { completeness: 1, changedAt: '2025-01-01T00:00:00.000Z' }),
      c('ERP', 'P1', 'a', { completeness: 1, changedAt: '2026-01-01T00:00:00.000Z' }),
      c('ERP', 'P1', 'a', { completeness: 2, changedAt: '2020-01-01T00:00:00.000Z' }),
    ], kycFirst);
    expect(result.candidates.map((x) => [x.completeness, x.changedAt])).toEqual([
      [2, '2020-01-01T00:00:00.000Z'],
      [1, '2026-01-01T00:00:00.000Z'],
      [1, '2025-01-01T00:00:00.000Z'],
      [1, null],
    ]);
  });

  it('a tie no rule breaks goes to the first in that order', () => {
    const result = survive([c('ERP', 'P2', 'a'), c('ERP', 'P1', 'b')], kycFirst);
    expect(result).toMatchObject({ winner: { localId: 'P1', value: 'b' }, rule: 'TIE_BREAK', conflict: true });
  });
});

describe('survive: which rule is named', () => {
  it('names the first rule that leaves one value, not a later one that also would', () => {
    const policy: FieldPolicy = { rules: ['MOST_RECENT', 'MOST_COMPLETE'], sourcePriority: ['ERP', 'CARDS'] };
    const result = survive([c('CARDS', 'K1', 'a', { changedAt: '2026-01-01T00:00:00.000Z', completeness: 1 }), c('ERP', 'P1', 'b', { changedAt: '2020-01-01T00:00:00.000Z', completeness: 5 })], policy);
    expect(result).toMatchObject({ winner: { value: 'a' }, rule: 'MOST_RECENT' });
  });

  it('a rule that only narrows agreeing records decides nothing: the next rule that settles the values is named', () => {
    const policy: FieldPolicy = { rules: ['MOST_COMPLETE', 'MOST_FREQUENT'], sourcePriority: ['ERP'] };
    // MOST_COMPLETE keeps three candidates with two values; MOST_FREQUENT settles it.
    const result = survive([c('ERP', '1', 'a', { completeness: 3 }), c('ERP', '2', 'a', { completeness: 3 }), c('ERP', '3', 'b', { completeness: 3 }), c('ERP', '4', 'c', { completeness: 1 })], policy);
    expect(result).toMatchObject({ winner: { localId: '1', value: 'a' }, rule: 'MOST_FREQUENT' });
  });

  it('after the policy, source priority and then recency break what is left', () => {
    const none: FieldPolicy = { rules: [], sourcePriority: ['ERP', 'CARDS'] };
    expect(survive([c('CARDS', 'K1', 'a'), c('ERP', 'P1', 'b')], none)).toMatchObject({ winner: { value: 'b' }, rule: 'SOURCE_PRIORITY' });
    expect(survive([c('ERP', 'P1', 'a', { changedAt: '2020-01-01T00:00:00.000Z' }), c('ERP', 'P2', 'b', { changedAt: '2021-01-01T00:00:00.000Z' })], none)).toMatchObject({ winner: { value: 'b' }, rule: 'MOST_RECENT' });
  });

  it('ignores invalid values when naming the rule: UNANIMOUS among the valid ones, but a conflict all the same', () => {
    const result = survive([c('CORE_BANKING', 'B1', 'bad', { problem: 'NOT_A_NAME' }), c('ERP', 'P1', 'good'), c('CARDS', 'K1', 'good')], kycFirst);
    expect(result).toMatchObject({ winner: { localId: 'K1' }, rule: 'UNANIMOUS', conflict: true });
    expect(result.candidates).toHaveLength(3);
  });

  it('has no winner and names no rule when every value is invalid, yet reports their conflict', () => {
    const result = survive([c('ERP', 'P1', 'x', { problem: 'NOT_A_NAME' }), c('ERP', 'P2', 'y', { problem: 'NOT_A_NAME' })], kycFirst);
    expect(result).toEqual({ winner: null, rule: null, conflict: true, candidates: [expect.objectContaining({ localId: 'P1' }), expect.objectContaining({ localId: 'P2' })] });
  });
});

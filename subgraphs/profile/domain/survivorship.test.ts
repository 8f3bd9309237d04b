import fc from 'fast-check';
import { SOURCE_SYSTEMS } from '../../../adapters/canonical';
import { survive, type Candidate } from './survivorship';
import { DEFAULT_SURVIVORSHIP_POLICY, type FieldPolicy } from './survivorshipPolicy';

const candidate = fc.record({
  system: fc.constantFrom(...SOURCE_SYSTEMS),
  localId: fc.stringMatching(/^[0-9]{3}$/),
  value: fc.constantFrom('a', 'b', 'c'),
  completeness: fc.integer({ min: 0, max: 5 }),
  changedAt: fc.option(fc.integer({ min: 0, max: 1_000 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString()), { nil: null }),
}).map((c): Candidate => ({ ...c, normalizedValue: c.value }));

const policies: FieldPolicy[] = Object.values(DEFAULT_SURVIVORSHIP_POLICY);

describe('survive', () => {
  it('always serves one of its candidates', () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 8 }), fc.constantFrom(...policies), (candidates, policy) => {
        const result = survive(candidates, policy);
        expect(candidates).toContainEqual(result.winner);
      }),
    );
  });

  it('never serves a candidate that fails validation, and serves a valid one whenever there is one', () => {
    const maybeInvalid = fc.tuple(candidate, fc.boolean()).map(([c, bad]): Candidate => (bad ? { ...c, problem: 'NOT_AN_EMAIL_ADDRESS' } : c));
    fc.assert(
      fc.property(fc.array(maybeInvalid, { minLength: 1, maxLength: 8 }), fc.constantFrom(...policies), (candidates, policy) => {
        const result = survive(candidates, policy);
        const valid = candidates.filter((c) => !c.problem);
        if (valid.length === 0) expect(result.winner).toBeNull();
        else expect(valid).toContainEqual(result.winner);
        expect(result.candidates).toHaveLength(candidates.length);
      }),
    );
  });

  it('gives the same result whatever the order of its inputs', () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 8 }), fc.constantFrom(...policies), fc.nat(), (candidates, policy, seed) => {
        const shuffled = [...candidates].sort((a, b) => ((a.localId.charCodeAt(0) * seed) % 7) - ((b.localId.charCodeAt(0) * seed) % 7)).reverse();
        expect(survive(shuffled, policy)).toEqual(survive(candidates, policy));
      }),
    );
  });

  it('gives the same answer whatever the order when candidates differ only where no rule looks', () => {
    // One record read twice (same system, local id, normalised value): the spelling and the
    // completeness differ, the change time does not, so only the order could choose.
    const upper: Candidate = { system: 'ERP', localId: '001', value: 'SMITH', normalizedValue: 'smith', completeness: 1, changedAt: '2020-01-01T00:00:00.000Z' };
    const proper: Candidate = { ...upper, value: 'Smith', completeness: 3 };
    for (const policy of policies) expect(survive([upper, proper], policy)).toEqual(survive([proper, upper], policy));
  });

  it('flags a conflict exactly when normalised values disagree', () => {
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 8 }), (candidates) => {
        const distinct = new Set(candidates.map((c) => c.normalizedValue)).size;
        expect(survive(candidates, DEFAULT_SURVIVORSHIP_POLICY.email).conflict).toBe(distinct > 1);
      }),
    );
  });

  const at = (system: Candidate['system'], value: string, changedAt: string | null, completeness = 1): Candidate => ({
    system, localId: `${system}-1`, value, normalizedValue: value, completeness, changedAt,
  });

  it('takes the KYC record first for source-priority fields, falling back when it lacks the field', () => {
    const policy = DEFAULT_SURVIVORSHIP_POLICY.birthDate;
    const result = survive([at('CARDS', '1980-01-02', '2026-01-01T00:00:00.000Z'), at('CORE_BANKING', '1980-01-01', '2020-01-01T00:00:00.000Z')], policy);
    expect(result.winner?.value).toBe('1980-01-01');
    expect(result.rule).toBe('SOURCE_PRIORITY');
    expect(survive([at('ERP', '1980-01-02', null)], policy).winner?.system).toBe('ERP');
  });

  it('takes the most recent email, then the one most systems agree on', () => {
    const policy = DEFAULT_SURVIVORSHIP_POLICY.email;
    const recent = survive([at('CORE_BANKING', 'old@x.uk', '2020-01-01T00:00:00.000Z'), at('CALL_CENTER', 'new@x.uk', '2026-01-01T00:00:00.000Z')], policy);
    expect(recent.winner?.value).toBe('new@x.uk');
    expect(recent.rule).toBe('MOST_RECENT');
    expect(recent.conflict).toBe(true);
    const same = '2026-01-01T00:00:00.000Z';
    const frequent = survive([at('CORE_BANKING', 'a@x.uk', same), at('CARDS', 'b@x.uk', same), at('ERP', 'b@x.uk', same)], policy);
    expect(frequent.winner?.value).toBe('b@x.uk');
    expect(frequent.rule).toBe('MOST_FREQUENT');
  });

  it('says UNANIMOUS when every record agrees, and has no winner without candidates', () => {
    expect(survive([at('CORE_BANKING', 'x', null), at('CARDS', 'x', null)], DEFAULT_SURVIVORSHIP_POLICY.email).rule).toBe('UNANIMOUS');
    expect(survive([], DEFAULT_SURVIVORSHIP_POLICY.email)).toEqual({ winner: null, rule: null, conflict: false, candidates: [] });
  });
});

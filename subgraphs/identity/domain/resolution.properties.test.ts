/**
 * Property tests over small random populations with realistic collisions (few names, shared
 * phones, duplicates): stability of ids, steward decisions, incremental isolation, symmetry.
 */
import fc from 'fast-check';
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { blockingKeys } from './blocking';
import { applyChanges, createResolutionState } from './incrementalResolution';
import { normaliseParty } from './normalisedParty';
import { compareRecords, levelsOf } from './comparisons';
import { defaultMatchModel } from './defaultMatchModel';
import { compileModel, matchWeight } from './matchModel';
import { resolveParties } from './resolveParties';
import type { SourceRef } from './stewardOverrides';

const GIVEN = ['Ann', 'Anne', 'Bill', 'William', 'Mary', 'Mark', 'Zoë'];
const FAMILY = ['Lee', 'Smith', 'Smyth', 'Müller'];
const SYSTEMS: SourceSystem[] = ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'];

/** A record drawn from small pools so that collisions (namesakes, shared phones) are common. */
const partyArb = (system: SourceSystem, localId: string): fc.Arbitrary<SourceParty> =>
  fc.record({
    given: fc.option(fc.constantFrom(...GIVEN), { freq: 8 }),
    family: fc.option(fc.constantFrom(...FAMILY), { freq: 8 }),
    birthDate: fc.option(fc.constantFrom('1980-01-02', '1980-02-01', '1991-07-07'), { freq: 2 }),
    nationalId: fc.option(fc.constantFrom('AB123456C', 'AB223456C', 'AB323456C'), { freq: 2 }),
    phone: fc.option(fc.constantFrom('07700 900001', '+447700900001', '07700 900002', '+44 7700 900003'), { freq: 2 }),
    email: fc.option(fc.constantFrom('ann@x.com', 'ANN@x.com', 'bill@x.com', 'mary@x.com'), { freq: 2 }),
    postcode: fc.option(fc.constantFrom('YO1 1AA', 'YO11AA', 'LS1 1AA'), { freq: 2 }),
  }).map((f) => ({
    system,
    localId,
    givenName: f.given,
    familyName: f.family,
    rawName: null,
    birthDate: f.birthDate,
    nationalId: system === 'CORE_BANKING' ? f.nationalId : null,
    phones: f.phone ? [f.phone] : [],
    emails: f.email ? [f.email] : [],
    address: f.postcode ? { line1: '1 Mill Lane', line2: null, city: 'York', postalCode: f.postcode, country: 'GB' } : null,
    changedAt: null,
  }));

const populationArb: fc.Arbitrary<SourceParty[]> = fc
  .array(fc.constantFrom(...SYSTEMS), { minLength: 1, maxLength: 24 })
  .chain((systems) => fc.tuple(...systems.map((system, i) => partyArb(system, String(1000 + i)))));

const ref = (p: SourceParty): SourceRef => ({ system: p.system, localId: p.localId });
const keyOf = (r: SourceRef): string => `${r.system}:${r.localId}`;

describe('resolution properties', () => {
  it('gives the same clusters and ids on re-runs and under any input order', () => {
    fc.assert(
      fc.property(
        populationArb.chain((pop) => fc.tuple(fc.constant(pop), fc.shuffledSubarray(pop, { minLength: pop.length, maxLength: pop.length }))),
        ([population, permuted]) => {
          const first = resolveParties(population).clusters;
          expect(resolveParties(population).clusters).toEqual(first);
          expect(resolveParties(permuted).clusters).toEqual(first);
        },
      ),
    );
  });

  it('puts every record in exactly one cluster', () => {
    fc.assert(
      fc.property(populationArb, (population) => {
        const keys = resolveParties(population).clusters.flatMap((c) => c.members.map(keyOf));
        expect(keys.sort()).toEqual(population.map((p) => keyOf(ref(p))).sort());
      }),
    );
  });

  it('never puts a never-match pair in one cluster, whatever the always-match pairs say', () => {
    const arb = populationArb.chain((pop) => {
      const pair = fc.tuple(fc.nat(pop.length - 1), fc.nat(pop.length - 1)).map(([a, b]) => [ref(pop[a]), ref(pop[b])] as const);
      return fc.tuple(fc.constant(pop), fc.array(pair, { maxLength: 4 }), fc.array(pair, { maxLength: 4 }));
    });
    fc.assert(
      fc.property(arb, ([population, neverMatch, alwaysMatch]) => {
        const { clusters } = resolveParties(population, { overrides: { neverMatch, alwaysMatch } });
        const clusterOf = new Map(clusters.flatMap((c) => c.members.map((m) => [keyOf(m), c.customerId] as const)));
        for (const [a, b] of neverMatch) if (keyOf(a) !== keyOf(b)) expect(clusterOf.get(keyOf(a))).not.toBe(clusterOf.get(keyOf(b)));
      }),
    );
  });

  it('keeps the ids and members of clusters unrelated to an incremental change', () => {
    const arb = populationArb.chain((pop) =>
      fc.tuple(fc.constant(pop), fc.nat(pop.length - 1)).chain(([p, index]) => fc.tuple(fc.constant(p), partyArb(p[index].system, p[index].localId))),
    );
    fc.assert(
      fc.property(arb, ([population, changed]) => {
        const before = createResolutionState(population);
        const { state: after } = applyChanges(before, [changed]);
        const key = keyOf(ref(changed));
        const changedKeys = new Set([...blockingKeys(before.parties.get(key)!), ...blockingKeys(normaliseParty(changed))]);
        for (const [id, entry] of before.clusters) {
          const related = entry.members.some((m) => m === key || blockingKeys(before.parties.get(m)!).some((k) => changedKeys.has(k)));
          if (related) continue;
          expect(after.clusters.get(id)?.members).toEqual(entry.members);
        }
      }),
    );
  });

  it('scores a pair the same in either order', () => {
    const compiled = compileModel(defaultMatchModel());
    const arb = fc.tuple(partyArb('CORE_BANKING', '1'), partyArb('CALL_CENTER', '2'));
    fc.assert(
      fc.property(arb, ([a, b]) => {
        const x = normaliseParty(a);
        const y = normaliseParty(b);
        expect(levelsOf(compareRecords(x, y))).toEqual(levelsOf(compareRecords(y, x)));
        expect(matchWeight(compiled, compareRecords(x, y), x, y)).toBeCloseTo(matchWeight(compiled, compareRecords(y, x), y, x), 9);
      }),
    );
  });
});

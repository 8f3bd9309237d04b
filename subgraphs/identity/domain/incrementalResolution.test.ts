import { customerIdFor } from './customerId';
import { applyChanges, clustersOf, createResolutionState, emptyResolutionState, type ResolutionState } from './incrementalResolution';
import { party } from './partyFixtures';
import { resolveParties } from './resolveParties';

const ann = party('CORE_BANKING', '0000000001', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['+447700900001'], emails: ['ann.lee@x.com'] });
const annCard = party('CARDS', 'CH00000001', { rawName: 'LEE/ANN', birthDate: '1980-01-02', emails: ['ann.lee@x.com'] });
const bob = party('CORE_BANKING', '0000000002', { givenName: 'Bob', familyName: 'Stone', birthDate: '1970-03-04', nationalId: 'AB223456C', phones: ['+447700900002'] });
const annContact = party('CALL_CENTER', 'C000000001', { givenName: 'Ann', familyName: 'Lee', phones: ['07700 900001'] });

const idOf = (state: ResolutionState, system: string, localId: string): string => state.clusterOf.get(`${system}:${localId}`)!;

describe('createResolutionState', () => {
  it('matches the batch resolution', () => {
    const state = createResolutionState([ann, annCard, bob]);
    expect(clustersOf(state)).toEqual(resolveParties([ann, annCard, bob]).clusters);
  });
});

describe('applyChanges', () => {
  const base = createResolutionState([ann, annCard, bob]);
  const annId = idOf(base, 'CORE_BANKING', '0000000001');
  const bobId = idOf(base, 'CORE_BANKING', '0000000002');

  it('adds a matching record to its cluster and keeps every id', () => {
    const { state, events } = applyChanges(base, [annContact]);
    expect(idOf(state, 'CALL_CENTER', 'C000000001')).toBe(annId);
    expect(idOf(state, 'CORE_BANKING', '0000000002')).toBe(bobId);
    expect(events).toEqual([{ type: 'UPDATED', customerId: annId, added: [{ system: 'CALL_CENTER', localId: 'C000000001' }], removed: [] }]);
  });

  it('creates a customer for a new person, id derived from the anchor', () => {
    const cy = party('CORE_BANKING', '0000000003', { givenName: 'Cy', familyName: 'Young', nationalId: 'AB323456C' });
    const { state, events } = applyChanges(base, [cy]);
    const id = customerIdFor('CORE_BANKING:0000000003');
    expect(idOf(state, 'CORE_BANKING', '0000000003')).toBe(id);
    expect(events).toEqual([{ type: 'CREATED', customerId: id, members: [{ system: 'CORE_BANKING', localId: '0000000003' }] }]);
  });

  it('merges clusters when a change links them, keeping the core-banking id', () => {
    const stranger = party('CARDS', 'CH00000009', { rawName: 'LEE/ANN', emails: ['old@x.com'] });
    const start = applyChanges(base, [stranger]).state;
    const cardId = idOf(start, 'CARDS', 'CH00000009');
    expect(cardId).not.toBe(annId);
    const { state, events } = applyChanges(start, [{ ...stranger, emails: ['ann.lee@x.com'] }]);
    expect(idOf(state, 'CARDS', 'CH00000009')).toBe(annId);
    expect(state.clusters.has(cardId)).toBe(false);
    expect(events).toContainEqual({ type: 'MERGED', customerId: annId, mergedIds: [cardId] });
  });

  it('splits a record off when it stops matching, with a fresh id', () => {
    const { state, events } = applyChanges(base, [{ ...annCard, rawName: 'PRICE/ZED', birthDate: '1999-09-09', emails: ['zed@x.com'] }]);
    const newId = idOf(state, 'CARDS', 'CH00000001');
    expect(newId).not.toBe(annId);
    expect(idOf(state, 'CORE_BANKING', '0000000001')).toBe(annId);
    expect(events).toContainEqual({ type: 'SPLIT', customerId: annId, splitIds: [newId] });
  });

  it('applies a steward never-match decision as a split', () => {
    const neverMatch = [[{ system: 'CORE_BANKING', localId: '0000000001' }, { system: 'CARDS', localId: 'CH00000001' }] as const];
    const { state } = applyChanges(base, [], { overrides: { alwaysMatch: [], neverMatch } });
    expect(idOf(state, 'CARDS', 'CH00000001')).not.toBe(annId);
    expect(idOf(state, 'CORE_BANKING', '0000000001')).toBe(annId);
  });

  it('never reuses a retired id', () => {
    const stranger = party('CARDS', 'CH00000009', { rawName: 'LEE/ANN', emails: ['old@x.com'] });
    const s1 = applyChanges(base, [stranger]).state;
    const retired = idOf(s1, 'CARDS', 'CH00000009');
    const s2 = applyChanges(s1, [{ ...stranger, emails: ['ann.lee@x.com'] }]).state;
    const s3 = applyChanges(s2, [stranger]).state;
    const again = idOf(s3, 'CARDS', 'CH00000009');
    expect(again).not.toBe(annId);
    expect(again).not.toBe(retired);
    expect(again).toBe(customerIdFor('CARDS:CH00000009', 1));
  });

  it('leaves the state it was given untouched', () => {
    const before = JSON.stringify(clustersOf(base));
    applyChanges(base, [annContact, { ...annCard, emails: [] }]);
    expect(JSON.stringify(clustersOf(base))).toBe(before);
  });

  it('builds from an empty state like a batch run', () => {
    const { state } = applyChanges(emptyResolutionState(), [ann, annCard, bob, annContact]);
    expect(clustersOf(state)).toEqual(resolveParties([ann, annCard, bob, annContact]).clusters);
  });
});

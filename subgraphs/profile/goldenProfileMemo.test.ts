import type { SourceParty } from '../../adapters/canonical';
import { createGoldenProfileMemo } from './goldenProfileMemo';

const party = (over: Partial<SourceParty>): SourceParty => ({
  system: 'CORE_BANKING', localId: '0000000001', givenName: null, familyName: null, rawName: null, birthDate: null,
  nationalId: null, phones: [], emails: [], address: null, changedAt: null, ...over,
});

const core = party({ givenName: 'WILLIAM', familyName: 'SMITH', phones: ['07700 900123'], emails: ['bill@old.example'], changedAt: '2024-01-01T00:00:00.000Z' });
const cards = party({ system: 'CARDS', localId: 'CH00000001', rawName: 'SMITH/BILL', emails: ['Bill@New.Example'], changedAt: '2026-01-01T00:00:00.000Z' });

describe('createGoldenProfileMemo', () => {
  it('serves the same records the profile computed the first time, without computing it again', () => {
    const memo = createGoldenProfileMemo();
    const first = memo.profileOf([core, cards], []);
    // A copy of the same records (as the next request's @requires delivers them) finds it.
    const again = memo.profileOf(JSON.parse(JSON.stringify([core, cards])) as SourceParty[], []);
    expect(again).toBe(first);
    expect(first.email.value).toBe('bill@new.example');
    expect(first.mobilePhone.value).toBe('+447700900123');
    expect(memo.size).toBe(1);
  });

  it('computes afresh when a record changed: a new value is never answered with the old profile', () => {
    const memo = createGoldenProfileMemo();
    expect(memo.profileOf([core, cards], []).email.value).toBe('bill@new.example');
    const changed = { ...cards, emails: ['william@newer.example'], changedAt: '2026-02-01T00:00:00.000Z' };
    expect(memo.profileOf([core, changed], []).email.value).toBe('william@newer.example');
    // Same value, newer timestamp only: still a different version of the records.
    const touched = { ...cards, changedAt: '2026-03-01T00:00:00.000Z' };
    expect(memo.profileOf([core, touched], []).email.asOf).toBe('2026-03-01T00:00:00.000Z');
    expect(memo.size).toBe(3);
  });

  it('keeps an outage apart from the same records with every system heard', () => {
    const memo = createGoldenProfileMemo();
    const heard = memo.profileOf([core], []);
    const withOutage = memo.profileOf([core], ['ERP']);
    expect(heard.email.complete).toBe(true);
    expect(withOutage.email).toMatchObject({ complete: false, unavailableSystems: ['ERP'] });
  });

  it('shares a frozen profile, so one request cannot change what another is served', () => {
    const profile = createGoldenProfileMemo().profileOf([core, cards], []);
    expect(Object.isFrozen(profile)).toBe(true);
    expect(Object.isFrozen(profile.email.candidates[0])).toBe(true);
    expect(() => {
      (profile.email as { value: string | null }).value = 'someone@else.example';
    }).toThrow(TypeError);
  });

  it('holds at most its bound of entries', () => {
    const memo = createGoldenProfileMemo(2);
    for (const localId of ['1', '2', '3', '4']) memo.profileOf([party({ localId, givenName: 'ANN', familyName: 'LEE' })], []);
    expect(memo.size).toBe(2);
  });
});

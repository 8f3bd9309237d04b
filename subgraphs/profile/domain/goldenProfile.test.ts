import type { SourceParty } from '../../../adapters/canonical';
import { computeGoldenProfile, displayName } from './goldenProfile';

const party = (over: Partial<SourceParty>): SourceParty => ({
  system: 'CORE_BANKING', localId: '0000000001', givenName: null, familyName: null, rawName: null, birthDate: null,
  nationalId: null, phones: [], emails: [], address: null, changedAt: null, ...over,
});

describe('computeGoldenProfile', () => {
  const core = party({
    givenName: 'WILLIAM', familyName: 'SMITH', birthDate: '1980-05-01', nationalId: 'QQ123456C', phones: ['07700 900123'],
    emails: ['bill@old.example'], changedAt: '2024-01-01T00:00:00.000Z',
    address: { line1: '1 High St', line2: null, city: 'London', postalCode: 'SW1A 1AA', country: 'GB' },
  });
  const cards = party({
    system: 'CARDS', localId: 'CH00000001', rawName: 'SMITH/BILL', emails: ['Bill@New.Example'], phones: ['+44 7700 900124'],
    changedAt: '2026-01-01T00:00:00.000Z', address: { line1: '9 Other Road', line2: 'Flat 2', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
  });

  it('takes name and birth date from the KYC record and contact data from the most recent', () => {
    const profile = computeGoldenProfile([cards, core]);
    expect(profile.fullName.value).toBe('WILLIAM SMITH');
    expect(profile.fullName.source).toEqual({ system: 'CORE_BANKING', localId: '0000000001', changedAt: '2024-01-01T00:00:00.000Z' });
    expect(profile.fullName.conflict).toBe(true);
    expect(profile.birthDate).toMatchObject({ value: '1980-05-01', conflict: false, rule: 'UNANIMOUS' });
    expect(profile.email).toMatchObject({ value: 'bill@new.example', rule: 'MOST_RECENT', conflict: true });
    expect(profile.mobilePhone.value).toBe('+447700900124');
    expect(profile.email.candidates).toEqual([
      { system: 'CORE_BANKING', localId: '0000000001', value: 'bill@old.example', normalizedValue: 'bill@old.example', asOf: '2024-01-01T00:00:00.000Z' },
      { system: 'CARDS', localId: 'CH00000001', value: 'Bill@New.Example', normalizedValue: 'bill@new.example', asOf: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('keeps the address whole from one record', () => {
    const profile = computeGoldenProfile([core, cards]);
    expect(profile.address.value).toEqual(cards.address);
    expect(profile.address.source?.system).toBe('CARDS');
  });

  it('has empty fields, not errors, when no record holds a value', () => {
    const profile = computeGoldenProfile([]);
    expect(profile.email).toEqual({ value: null, source: null, asOf: null, rule: null, conflict: false, candidates: [] });
  });

  it('reads the track-1 name the right way round', () => {
    expect(displayName(cards)).toBe('BILL SMITH');
  });
});

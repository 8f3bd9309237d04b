import { foldText, formatAddress, normaliseAddress, normaliseEmail, normalisePhone } from './fieldNormalisation';

// What "the same value" means for each field, written by hand.

describe('foldText', () => {
  it.each([
    ['Zoë Brontë', 'zoe bronte'],
    ['  SMITH-JONES  ', 'smith jones'],
    ["O'Neill", 'o neill'],
    ['ANN   LEE', 'ann lee'],
    ['Ann2', 'ann2'],
    // Letters that do not decompose: spelt, not dropped (Łukasz is Lukasz, not ukasz).
    ['Łukasz', 'lukasz'],
    ['Søren Strauß', 'soren strauss'],
    ['Æsa Đorđević', 'aesa dordevic'],
    ['', ''],
  ])('%j -> %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases, nothing else', () => {
    expect(normaliseEmail('  Ann.Lee+bank@Example.COM ')).toBe('ann.lee+bank@example.com');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['+44 (0)7700 900123', '+447700900123'],
    ['+1 415 555 2671', '+14155552671'],
    ['077', null],
    ['ring me', null],
  ])('%j -> %j', (phone, e164) => {
    expect(normalisePhone(phone)).toBe(e164);
  });
});

describe('addresses', () => {
  it('formats the filled parts on one line, in order', () => {
    expect(formatAddress({ line1: '1 High St', line2: 'Flat 2', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' })).toBe('1 High St, Flat 2, London, SW1A 1AA, GB');
    expect(formatAddress({ line1: null, line2: '', city: 'London', postalCode: null, country: 'GB' })).toBe('London, GB');
  });

  it('compares the house number wherever it stands, and an empty address as empty text', () => {
    const numberFirst = normaliseAddress({ line1: '97 Castle Street', line2: null, city: 'Cardiff', postalCode: 'CF10 1BH', country: 'GB' });
    expect(normaliseAddress({ line1: 'CASTLE STREET 97', line2: null, city: 'CARDIFF', postalCode: 'CF101BH', country: 'GB' })).toBe(numberFirst);
    expect(normaliseAddress({ line1: '98 Castle Street', line2: null, city: 'Cardiff', postalCode: 'CF10 1BH', country: 'GB' })).not.toBe(numberFirst);
    expect(normaliseAddress({ line1: null, line2: null, city: null, postalCode: null, country: null })).toBe('');
  });
});

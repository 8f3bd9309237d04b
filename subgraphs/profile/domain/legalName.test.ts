import { isNicknameOf, nicknameFlags } from './legalName';

describe('isNicknameOf', () => {
  // Hand-written from the bank's examples (the matcher's nickname table: RICK, DICK of RICHARD; BILL of WILLIAM).
  it.each<[string, string, boolean]>([
    ['RICK', 'Richard', true],
    ['dick', 'RICHARD', true],
    ['Bill', 'William', true],
    ['Rick James', 'Richard', true],
    ['Rick', 'Richard James', true],
    ['Richard', 'Rick', false],
    ['Richard', 'RICHARD', false],
    ['Rick', 'William', false],
    ['Rick', 'Rick', false],
    ['Sophie', 'Sophia', false],
    ['', 'Richard', false],
  ])('%s of %s: %s', (short, formal, expected) => {
    expect(isNicknameOf(short, formal)).toBe(expected);
  });
});

describe('nicknameFlags', () => {
  it('flags the nickname beside its legal form with the same family name, written however', () => {
    expect(nicknameFlags([{ given: 'RICK', family: 'SHAH' }, { given: 'Richard', family: 'Shah' }, { given: 'Richard', family: 'Shah' }])).toEqual([true, false, false]);
    expect(nicknameFlags([{ given: 'Bill', family: "O'Neill" }, { given: 'WILLIAM', family: 'ONEILL' }])).toEqual([true, false]);
  });

  it('flags nothing across family names, without a given name, or alone', () => {
    expect(nicknameFlags([{ given: 'RICK', family: 'SHAH' }, { given: 'Richard', family: 'Patel' }])).toEqual([false, false]);
    expect(nicknameFlags([{ given: null, family: 'SHAH' }, { given: 'Richard', family: 'Shah' }])).toEqual([false, false]);
    expect(nicknameFlags([{ given: 'RICK', family: 'SHAH' }, { given: null, family: 'Shah' }])).toEqual([false, false]);
    expect(nicknameFlags([{ given: 'RICK', family: 'SHAH' }])).toEqual([false]);
    expect(nicknameFlags([])).toEqual([]);
  });

  it('compares family names that are both missing as equal', () => {
    expect(nicknameFlags([{ given: 'RICK', family: null }, { given: 'Richard', family: null }])).toEqual([true, false]);
  });
});

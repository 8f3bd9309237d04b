import { displayFormOfAddress, displayFormOfAddressLine } from './addressDisplay';
import { displayFormOfName, isDisplayForm } from './nameDisplay';

// Every entry of the display forms' word lists, one hand-written example each (how the bank's
// letters write them), so that dropping a word from a list fails a test.

describe('name particles stay lower case after a given name', () => {
  it.each(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'zu', 'af', 'y', 'bin', 'ibn'])('%s', (particle) => {
    expect(displayFormOfName(`JAN ${particle.toUpperCase()} BERG`)).toBe(`Jan ${particle} Berg`);
  });
});

describe('generational suffixes stay in capitals', () => {
  it.each([
    ['JOHN SMITH II', 'John Smith II'],
    ['john smith iii', 'John Smith III'],
    ['JOHN SMITH IV', 'John Smith IV'],
  ])('%s -> %s', (held, shown) => {
    expect(displayFormOfName(held)).toBe(shown);
  });
});

describe('Mac names that are not Mac + a name take no second capital', () => {
  it.each(['Mackie', 'Macklin', 'Mackin', 'Machado', 'Macias', 'Macari', 'Macaulay', 'Macedo', 'Machen', 'Mackey', 'Mackle', 'Macrae'])('%s', (name) => {
    expect(displayFormOfName(name.toUpperCase())).toBe(name);
  });

  it('while Mac + a name does, and "mc" inside a name is no prefix', () => {
    expect(displayFormOfName('MACKENZIE')).toBe('MacKenzie');
    expect(displayFormOfName('DEMCHAK')).toBe('Demchak');
    expect(displayFormOfName('ADAMCZYK')).toBe('Adamczyk');
  });
});

describe('isDisplayForm', () => {
  it('says whether a name is already as people write it', () => {
    expect(isDisplayForm('Sophie Wright')).toBe(true);
    expect(isDisplayForm('Pieter van der Berg')).toBe(true);
    expect(isDisplayForm('SOPHIE WRIGHT')).toBe(false);
    expect(isDisplayForm('Sophie  Wright')).toBe(false);
  });
});

describe('address words that stay lower case inside a line', () => {
  it.each(['upon', 'on', 'the', 'of', 'in', 'by', 'under', 'next', 'le', 'la', 'de', 'en', 'and'])('%s', (word) => {
    expect(displayFormOfAddressLine(`STOKE ${word.toUpperCase()} TRENT`)).toBe(`Stoke ${word} Trent`);
  });
});

describe('address numbers', () => {
  it('capitalises the letter of a house number, not an ordinal', () => {
    expect(displayFormOfAddressLine('2ND FLOOR, 14B MILL LANE')).toBe('2nd Floor, 14B Mill Lane');
  });

  it('writes a postcode and country in capitals with single spaces inside, none around', () => {
    expect(displayFormOfAddress({ line1: null, line2: null, city: null, postalCode: '  sw1a   1aa ', country: ' gb ' })).toEqual({ line1: null, line2: null, city: null, postalCode: 'SW1A 1AA', country: 'GB' });
  });
});

import type { SourceParty } from '../../adapters/canonical';
import { foldText, phoneKey, searchQueryTerms, searchTermsOf } from './searchTerms';

const party = (over: Partial<SourceParty>): SourceParty => ({
  system: 'CORE_BANKING', localId: '0000000001', givenName: null, familyName: null, rawName: null, birthDate: null,
  nationalId: null, phones: [], emails: [], address: null, changedAt: null, ...over,
});

describe('search terms', () => {
  it('indexes folded name tokens, emails and E.164 phones of a record', () => {
    expect(searchTermsOf(party({ givenName: 'Zoë', familyName: "O'Brien", phones: ['07700 900123'], emails: ['Zoe@Example.com'] })).sort()).toEqual(
      ['e:zoe@example.com', 'n:brien', 'n:zoe', 'p:+447700900123'].sort(),
    );
    expect(searchTermsOf(party({ system: 'CARDS', rawName: 'BRIEN/ALAN', phones: ['+44 7700 900999', 'n/a'] })).sort()).toEqual(['n:alan', 'n:brien', 'p:+447700900999']);
  });

  const queries: Array<[string, string[]]> = [
    ['ZOE brien', ['n:zoe', 'n:brien']],
    ['zoe obrien', ['n:zoe', 'n:obrien']],
    ['+447700900123', ['p:+447700900123']],
    ['07700-900-999', ['p:+447700900999']],
    ['(07700) 900 999', ['p:+447700900999']],
    [' Zoe@Example.com ', ['e:zoe@example.com']],
    ['z', []],
    ['  ', []],
    ['a b', []],
    ['123456', []],
  ];
  it.each(queries)('reads the search text %j as terms %j', (text, terms) => {
    expect(searchQueryTerms(text)).toEqual(terms);
  });

  it('normalises text and phones', () => {
    expect(foldText('  François-Müller ')).toBe('francois muller');
    // A letter without a decomposition is spelt as systems without it write it, not dropped.
    expect(foldText('Łukasz Ørsted')).toBe('lukasz orsted');
    expect(phoneKey('07700 900123')).toBe('+447700900123');
    expect(phoneKey('12')).toBeNull();
  });
});

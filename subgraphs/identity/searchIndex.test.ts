import type { SourceParty } from '../../adapters/canonical';
import { SearchIndex, foldText, phoneKey } from './searchIndex';

const party = (over: Partial<SourceParty>): SourceParty => ({
  system: 'CORE_BANKING', localId: '0000000001', givenName: null, familyName: null, rawName: null, birthDate: null,
  nationalId: null, phones: [], emails: [], address: null, changedAt: null, ...over,
});

describe('SearchIndex', () => {
  const index = new SearchIndex();
  index.add('cust_1', party({ givenName: 'Zoë', familyName: "O'Brien", phones: ['07700 900123'], emails: ['Zoe@Example.com'] }));
  index.add('cust_2', party({ system: 'CARDS', rawName: 'BRIEN/ALAN', phones: ['+44 7700 900999'] }));

  it('finds by name regardless of case and accents, all tokens required', () => {
    expect(index.search('zoe obrien')).toEqual([]);
    expect(index.search('ZOE brien')).toEqual(['cust_1']);
    expect(index.search('brien')).toEqual(['cust_1', 'cust_2']);
  });

  it('finds by phone in any format and by email', () => {
    expect(index.search('+447700900123')).toEqual(['cust_1']);
    expect(index.search('07700-900-999')).toEqual(['cust_2']);
    expect(index.search('zoe@example.com')).toEqual(['cust_1']);
  });

  it('answers nothing for too-short or unknown text', () => {
    expect(index.search('z')).toEqual([]);
    expect(index.search('nobody')).toEqual([]);
  });

  it('normalises text and phones', () => {
    expect(foldText("  François-Müller ")).toBe('francois muller');
    expect(phoneKey('07700 900123')).toBe('+447700900123');
    expect(phoneKey('12')).toBeNull();
  });
});

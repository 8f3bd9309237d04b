import { comparisonsOf, equalityValuesOf, MAX_FILTER_LENGTH, ODataFilterError, parseODataFilter } from './odataFilterParser';

describe('parseODataFilter', () => {
  it('reads a single comparison', () => {
    expect(parseODataFilter("BusinessPartner eq '1000000001'")).toEqual({
      kind: 'compare',
      property: 'BusinessPartner',
      operator: 'eq',
      literal: { type: 'string', value: '1000000001' },
    });
  });

  it('reads an or-chain of key comparisons', () => {
    const expr = parseODataFilter("BusinessPartner eq '1' or BusinessPartner eq '2' or BusinessPartner eq '3'");
    expect(equalityValuesOf(expr, 'BusinessPartner')).toEqual(['1', '2', '3']);
    expect(comparisonsOf(expr)).toHaveLength(3);
  });

  it('binds and tighter than or, and honours parentheses', () => {
    const expr = parseODataFilter("A eq '1' or B eq '2' and C eq '3'");
    expect(expr).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    const grouped = parseODataFilter("(A eq '1' or B eq '2') and C eq '3'");
    expect(grouped).toMatchObject({ kind: 'and', left: { kind: 'or' } });
  });

  it('reads datetime, datetimeoffset, number and null literals', () => {
    expect(parseODataFilter("LastChangeDateTime gt datetime'2026-11-27T08:00:00'")).toMatchObject({
      operator: 'gt',
      literal: { type: 'datetime', ms: Date.UTC(2026, 10, 27, 8) },
    });
    expect(parseODataFilter("T ge datetimeoffset'2026-11-27T09:00:00.1234567+01:00'")).toMatchObject({
      literal: { type: 'datetime', ms: Date.UTC(2026, 10, 27, 8, 0, 0, 123) },
    });
    expect(parseODataFilter('N le -12.5')).toMatchObject({ literal: { type: 'number', value: -12.5 } });
    expect(parseODataFilter('EmailAddress eq null')).toMatchObject({ literal: { type: 'null' } });
  });

  it('unescapes doubled quotes', () => {
    expect(parseODataFilter("LastName eq 'O''Brien'")).toMatchObject({ literal: { value: "O'Brien" } });
  });

  it('refuses malformed filters with a typed error that does not echo values', () => {
    const bad = [
      '',
      'BusinessPartner',
      'BusinessPartner eq',
      "BusinessPartner eq 'unterminated",
      "BusinessPartner like '1'",
      "BusinessPartner eq '1' or",
      "BusinessPartner eq '1' BusinessPartner eq '2'",
      "(BusinessPartner eq '1'",
      "BusinessPartner eq '1')",
      "substringof('x', LastName)",
      "eq eq '1'",
      "T gt datetimeoffset'2026-11-27T08:00:00'",
      "T gt datetime'tomorrow'",
      "BusinessPartner eq '1' ; drop",
      '('.repeat(40) + "A eq '1'" + ')'.repeat(40),
      `A eq '${'x'.repeat(MAX_FILTER_LENGTH)}'`,
    ];
    for (const filter of bad) {
      expect(() => parseODataFilter(filter)).toThrow(ODataFilterError);
    }
    try {
      parseODataFilter("LastName eq 'Secretname' xyz");
    } catch (error) {
      expect((error as Error).message).not.toContain('Secretname');
    }
  });

  it('is not an index lookup when anything but key equalities is present', () => {
    expect(equalityValuesOf(parseODataFilter("BusinessPartner eq '1' and LastName eq 'x'"), 'BusinessPartner')).toBeNull();
    expect(equalityValuesOf(parseODataFilter("BusinessPartner ne '1'"), 'BusinessPartner')).toBeNull();
    expect(equalityValuesOf(parseODataFilter("SoldToParty eq '1'"), 'BusinessPartner')).toBeNull();
  });
});

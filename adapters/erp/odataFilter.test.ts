import fc from 'fast-check';
import { equalityValuesOf, parseODataFilter } from '../../simulators/erp/odataFilterParser';
import { formatDateTimeLiteral, formatEqualsAny, formatStringLiteral, ODataFilterFormatError } from './odataFilter';

describe('formatting $filter literals (expected values written from the OData v2 URI conventions)', () => {
  it('doubles quotes inside string literals', () => {
    expect(formatStringLiteral("O'Brien")).toBe("'O''Brien'");
    expect(formatStringLiteral("''")).toBe("''''''");
    expect(formatStringLiteral('')).toBe("''");
  });

  it('writes UTC datetime literals without a zone, as SAP expects', () => {
    expect(formatDateTimeLiteral('2026-11-27T08:00:00.000Z')).toBe("datetime'2026-11-27T08:00:00.000'");
    expect(formatDateTimeLiteral('2026-11-27T09:00:00+01:00')).toBe("datetime'2026-11-27T08:00:00.000'");
    expect(() => formatDateTimeLiteral('yesterday')).toThrow(ODataFilterFormatError);
  });

  it('writes a key batch as an or-chain of equalities', () => {
    expect(formatEqualsAny('BusinessPartner', ['1000000001', '1000000002'])).toBe(
      "BusinessPartner eq '1000000001' or BusinessPartner eq '1000000002'",
    );
    expect(() => formatEqualsAny('X', [])).toThrow(ODataFilterFormatError);
  });
});

describe('what the adapter writes, the ERP reads (its parser is the simulator\'s own code)', () => {
  it('round-trips any list of string values', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 40 }), (values) => {
        expect(equalityValuesOf(parseODataFilter(formatEqualsAny('BusinessPartner', values)), 'BusinessPartner')).toEqual(values);
      }),
    );
  });

  it('round-trips datetime literals', () => {
    const iso = '2026-01-02T03:04:05.678Z';
    expect(parseODataFilter(`T gt ${formatDateTimeLiteral(iso)}`)).toMatchObject({ literal: { type: 'datetime', ms: Date.parse(iso) } });
  });
});

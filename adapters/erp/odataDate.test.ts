import fc from 'fast-check';
import { decodeODataDate, decodeODataDateMs, encodeODataDate, isODataDate, ODataDateError } from './odataDate';

describe('odataDate', () => {
  it('encodes instants and plain dates as /Date(ms)/', () => {
    expect(encodeODataDate('1970-01-01T00:00:01.000Z')).toBe('/Date(1000)/');
    expect(encodeODataDate('2026-11-27')).toBe(`/Date(${Date.UTC(2026, 10, 27)})/`);
  });

  it('decodes with or without a zone offset, ignoring the offset', () => {
    expect(decodeODataDate('/Date(1000)/')).toBe('1970-01-01T00:00:01.000Z');
    expect(decodeODataDate('/Date(1000+0100)/')).toBe('1970-01-01T00:00:01.000Z');
    expect(decodeODataDateMs('/Date(-86400000)/')).toBe(-86400000);
  });

  it('refuses anything else with a typed error', () => {
    for (const bad of ['', '2026-11-27', '/Date()/', '/Date(12)', 'Date(12)', '/Date(1e3)/', '/Date(99999999999999999)/']) {
      expect(() => decodeODataDate(bad)).toThrow(ODataDateError);
      expect(isODataDate(bad)).toBe(false);
    }
    expect(() => encodeODataDate('yesterday')).toThrow(ODataDateError);
  });

  it('round-trips every instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), (date) => {
        expect(decodeODataDate(encodeODataDate(date.toISOString()))).toBe(date.toISOString());
      }),
    );
  });
});

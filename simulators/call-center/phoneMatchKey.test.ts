import fc from 'fast-check';
import { phoneMatchKey } from './phoneMatchKey';

describe('phoneMatchKey', () => {
  it('gives national and E.164 forms of one number the same key', () => {
    const forms = ['07700 900123', '07700-900-123', '+44-7700-900123', '07700900123', '+447700900123', '+44 7700 900123', '0044 7700-900123', '(07700) 900 123'];
    const keys = new Set(forms.map(phoneMatchKey));
    expect([...keys]).toEqual(['7700900123']);
  });

  it('keeps numbers of different subscribers apart', () => {
    expect(phoneMatchKey('07700 900124')).not.toBe(phoneMatchKey('07700 900123'));
  });

  it('handles countries whose national number keeps its leading zero', () => {
    expect(phoneMatchKey('+39 06 1234 5678')).toBe(phoneMatchKey('06 1234 5678'));
    expect(phoneMatchKey('+49 30 1234567')).toBe(phoneMatchKey('030 1234567'));
  });

  it('refuses input too short to identify anyone', () => {
    expect(phoneMatchKey('')).toBeUndefined();
    expect(phoneMatchKey('abc')).toBeUndefined();
    expect(phoneMatchKey('0123')).toBeUndefined();
  });

  it('matches every way the dataset types a UK mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^7[4-8]\d{8}$/), (subscriber) => {
        const block = subscriber.slice(0, 4);
        const rest = subscriber.slice(4);
        const forms = [`+44${subscriber}`, `+44 ${block} ${rest}`, `+44-${block}-${rest}`, `0${subscriber}`, `0${block} ${rest}`, `0${block}-${rest.slice(0, 3)}-${rest.slice(3)}`];
        expect(new Set(forms.map(phoneMatchKey))).toEqual(new Set([subscriber]));
      }),
    );
  });
});

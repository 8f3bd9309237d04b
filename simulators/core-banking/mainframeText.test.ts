import { toMainframeText } from './mainframeText';

describe('toMainframeText', () => {
  it('upper-cases, strips accents and replaces what ASCII cannot hold', () => {
    expect(toMainframeText('Zoë Müller-Straße')).toBe('ZOE MULLER-STRASSE');
    expect(toMainframeText('anne@example.com')).toBe('ANNE@EXAMPLE.COM');
    expect(toMainframeText('李')).toBe('?');
    expect(toMainframeText(null)).toBe('');
  });
});

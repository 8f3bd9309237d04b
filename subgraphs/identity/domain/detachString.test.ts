import { detachString } from './detachString';

describe('detachString', () => {
  it('returns an equal string', () => {
    for (const s of ['', 'short', 'ann.lee@example.com', '+447700900123', 'zoë.müller@exämple.com', 'Łukasz Żółć-Łęcki', 'emoji 😀 and \ud800 lone']) {
      expect(detachString(s)).toBe(s);
    }
  });
});

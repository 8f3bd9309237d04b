import { acceptOrCreateRequestId } from './useRequestId';

describe('acceptOrCreateRequestId', () => {
  it('accepts a sane caller id', () => {
    expect(acceptOrCreateRequestId('req-123_abc')).toBe('req-123_abc');
    expect(acceptOrCreateRequestId(['first', 'second'])).toBe('first');
  });

  it('generates a uuid when the header is absent', () => {
    expect(acceptOrCreateRequestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces ids that could inject into headers or logs', () => {
    for (const bad of ['', 'a b', 'x\r\ny: z', 'a'.repeat(129), '<script>']) {
      expect(acceptOrCreateRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

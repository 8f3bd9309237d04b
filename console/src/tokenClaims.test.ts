import { isExpired, readTokenClaims, UnreadableTokenError } from './tokenClaims';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (payload: unknown) => `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;

describe('readTokenClaims', () => {
  it('reads subject, roles, channel and expiry', () => {
    expect(readTokenClaims(token({ sub: 'agent-7', roles: ['auditor', 'teller'], channel: 'back-office', exp: 2000000000 }))).toEqual({
      subject: 'agent-7',
      roles: ['auditor', 'teller'],
      channel: 'back-office',
      expiresAt: 2000000000,
    });
  });

  it('accepts a single role as a string and non-ASCII names', () => {
    expect(readTokenClaims(token({ sub: 'Zoë', roles: 'auditor' }))).toEqual({ subject: 'Zoë', roles: ['auditor'] });
  });

  it('refuses what is not a JWT with a typed error', () => {
    expect(() => readTokenClaims('not a token')).toThrow(UnreadableTokenError);
    expect(() => readTokenClaims('a.!!!.c')).toThrow(UnreadableTokenError);
    expect(() => readTokenClaims(`${encode({})}.${encode(42)}.c`)).toThrow(UnreadableTokenError);
  });

  it('says when a token has expired', () => {
    expect(isExpired({ subject: 's', roles: [], expiresAt: 100 }, 100_000)).toBe(true);
    expect(isExpired({ subject: 's', roles: [], expiresAt: 101 }, 100_000)).toBe(false);
    expect(isExpired({ subject: 's', roles: [] }, 100_000)).toBe(false);
  });
});

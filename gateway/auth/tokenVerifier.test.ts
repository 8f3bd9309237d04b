import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { AuthenticationError, bearerTokenOf, createTokenVerifier } from './tokenVerifier';

const SECRET = new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!');
const now = () => Math.floor(Date.now() / 1000);
// iat defaults to now (a claim given explicitly, or `undefined` to drop it, wins).
const hs = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT({ iat: now(), ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(secret);

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof AuthenticationError) return `${error.reason}: ${error.message}`;
    throw error;
  }
}

describe('createTokenVerifier (HS256)', () => {
  const verify = createTokenVerifier({ hs256Secret: SECRET, issuer: 'https://idp.bank.example', audience: 'unified-view' });
  const good = { sub: 'alice', roles: ['teller'], channel: 'branch', iss: 'https://idp.bank.example', aud: 'unified-view' };

  it('returns the principal of a valid token', async () => {
    expect(await verify(await hs({ ...good, exp: now() + 60 }))).toEqual({ subject: 'alice', channel: 'branch', roles: ['teller'] });
  });

  it('reads the customer a self-service token belongs to, and refuses a malformed one', async () => {
    expect((await verify(await hs({ ...good, roles: ['mobile-app'], customer_id: 'cust_ABCD1234', exp: now() + 60 }))).customerId).toBe('cust_ABCD1234');
    expect(await reasonOf(verify(await hs({ ...good, customer_id: 'someone else', exp: now() + 60 })))).toMatch(/^invalid: Bearer token claims are malformed/);
  });

  it('accepts a single role given as a string', async () => {
    expect((await verify(await hs({ ...good, roles: 'auditor', exp: now() + 60 }))).roles).toEqual(['auditor']);
  });

  it('accepts a 12 h token and one expired within the 5 s leeway', async () => {
    const issued = now();
    expect((await verify(await hs({ ...good, iat: issued, exp: issued + 12 * 3600 }))).subject).toBe('alice');
    expect((await verify(await hs({ ...good, exp: now() - 3 }))).subject).toBe('alice');
  });

  it('caps the lifetime where configured, and refuses a leeway over 5 s', async () => {
    const short = createTokenVerifier({ hs256Secret: SECRET, issuer: good.iss, audience: good.aud, maxLifetimeSeconds: 600 });
    const issued = now();
    expect(await reasonOf(short(await hs({ ...good, iat: issued, exp: issued + 601 })))).toMatch(/lifetime exceeds 600 s/);
    expect(() => createTokenVerifier({ hs256Secret: SECRET, clockToleranceSeconds: 30 })).toThrow(/0 to 5/);
  });

  it.each([
    ['expired', { ...good, exp: now() - 120 }, /^expired/],
    ['not yet valid', { ...good, exp: now() + 60, nbf: now() + 600 }, /^invalid: .*"nbf"/],
    ['without exp', { ...good }, /^invalid: .*"exp"/],
    ['wrong issuer', { ...good, iss: 'https://evil.example', exp: now() + 60 }, /^invalid: .*"iss"/],
    ['without an issuer', { ...good, iss: undefined, exp: now() + 60 }, /^invalid: .*"iss"/],
    ['wrong audience', { ...good, aud: 'other-app', exp: now() + 60 }, /^invalid: .*"aud"/],
    ['without an audience', { ...good, aud: undefined, exp: now() + 60 }, /^invalid: .*"aud"/],
    // iat given explicitly: the lifetime is exp - iat whatever second the token is signed in.
    ['living 100 years', { ...good, iat: now(), exp: now() + 100 * 365 * 86400 }, /^invalid: Bearer token lifetime exceeds 43200 s/],
    ['living 12 h and 1 s', { ...good, iat: now(), exp: now() + 12 * 3600 + 1 }, /^invalid: Bearer token lifetime exceeds 43200 s/],
    ['without iat', { ...good, iat: undefined, exp: now() + 60 }, /^invalid: .*"iat"/],
    ['issued in the future (to stretch its life)', { ...good, iat: now() + 86400, exp: now() + 86400 + 60 }, /^invalid: .*"iat"/],
    ['issued more than 12 h ago', { ...good, iat: now() - 13 * 3600, exp: now() + 60 }, /^(expired|invalid)/],
    ['expired 6 s ago (past the 5 s leeway)', { ...good, exp: now() - 6 }, /^expired/],
    ['roles not strings', { ...good, roles: [1, 2], exp: now() + 60 }, /^invalid: Bearer token claims are malformed/],
  ])('refuses a token %s', async (_name, claims, expected) => {
    expect(await reasonOf(verify(await hs(claims)))).toMatch(expected);
  });

  it('refuses a forged signature, an unsigned token and garbage', async () => {
    expect(await reasonOf(verify(await hs({ ...good, exp: now() + 60 }, new TextEncoder().encode('another-secret-of-at-least-32-bytes!!'))))).toMatch(/^invalid/);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...good, exp: now() + 60 })).toString('base64url')}.`;
    expect(await reasonOf(verify(unsigned))).toMatch(/^invalid: .*algorithm/);
    expect(await reasonOf(verify('garbage'))).toBe('invalid: Bearer token is malformed');
  });
});

describe('createTokenVerifier (RS256 from a JWKS)', () => {
  it('verifies with the matching key and refuses other keys and HS256 when no secret is configured', async () => {
    const [signing, other] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const verify = createTokenVerifier({ jwks: { keys: [jwk] } });
    const rs = (key: KeyLike, kid = 'k1') =>
      new SignJWT({ sub: 'svc', roles: ['integration'] }).setProtectedHeader({ alg: 'RS256', kid }).setIssuedAt().setExpirationTime('5m').sign(key);
    expect(await verify(await rs(signing.privateKey))).toEqual({ subject: 'svc', roles: ['integration'] });
    expect(await reasonOf(verify(await rs(other.privateKey)))).toMatch(/^invalid/);
    expect(await reasonOf(verify(await rs(signing.privateKey, 'unknown-kid')))).toMatch(/^invalid: Bearer token is signed by an unknown key/);
    expect(await reasonOf(verify(await hs({ sub: 'x', exp: now() + 60 })))).toMatch(/^invalid: .*algorithm/);
  });
});

describe('bearerTokenOf', () => {
  it('reads the Bearer scheme case-insensitively and refuses others', () => {
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerTokenOf('Basic dXNlcg==')).toThrow(AuthenticationError);
    expect(() => bearerTokenOf('Bearer a b')).toThrow(AuthenticationError);
  });
});

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthConfigError, authKeysFromEnv } from './authConfig';
import { loadOrCreateDevSecret } from './devSecret';
import { securityOptionsFromEnv } from './securityOptions';

describe('authKeysFromEnv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-config-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses to start production without key material, saying what to set', () => {
    expect(() => authKeysFromEnv({}, { production: true })).toThrow(AuthConfigError);
    expect(() => authKeysFromEnv({}, { production: true })).toThrow(/AUTH_HS256_SECRET.*AUTH_JWKS_PATH.*AUTH_JWKS_URL/);
    // A dev secret file is never a production key.
    expect(() => authKeysFromEnv({}, { production: true, devSecretPath: join(dir, 'x') })).toThrow(AuthConfigError);
  });

  it('is off in development without keys, unless a dev secret file is named', () => {
    expect(authKeysFromEnv({}, { production: false })).toBeUndefined();
    const keys = authKeysFromEnv({ AUTH_ISSUER: 'iss' }, { production: false, devSecretPath: join(dir, 'dev-secret') });
    expect(keys?.hs256Secret?.length).toBeGreaterThanOrEqual(32);
    expect(keys?.issuer).toBe('iss');
  });

  const PRODUCTION_CLAIMS = { AUTH_ISSUER: 'https://idp.bank.example', AUTH_AUDIENCE: 'unified-view' };

  it('reads a secret, issuer, audience, clock tolerance and lifetime cap, and refuses a short secret', () => {
    const keys = authKeysFromEnv({ AUTH_HS256_SECRET: 'x'.repeat(32), AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_CLOCK_TOLERANCE_S: '2', AUTH_MAX_TOKEN_LIFETIME_S: '3600' }, { production: true });
    expect(keys).toMatchObject({ issuer: 'i', audience: 'a', clockToleranceSeconds: 2, maxLifetimeSeconds: 3600 });
    expect(authKeysFromEnv({ AUTH_HS256_SECRET: 'x'.repeat(32), ...PRODUCTION_CLAIMS }, { production: true })?.maxLifetimeSeconds).toBe(12 * 3600);
    expect(() => authKeysFromEnv({ AUTH_HS256_SECRET: 'short', ...PRODUCTION_CLAIMS }, { production: true })).toThrow(/at least 32 bytes/);
  });

  it.each([
    ['no issuer', { AUTH_AUDIENCE: 'unified-view' }],
    ['no audience', { AUTH_ISSUER: 'https://idp.bank.example' }],
    ['neither', {}],
  ])('refuses to start production with %s', (_case, env) => {
    expect(() => authKeysFromEnv({ AUTH_HS256_SECRET: 'x'.repeat(32), ...env }, { production: true })).toThrow(/AUTH_ISSUER and AUTH_AUDIENCE/);
  });

  it.each([
    ['AUTH_CLOCK_TOLERANCE_S', '30', /between 0 and 5/],
    ['AUTH_CLOCK_TOLERANCE_S', '-1', /between 0 and 5/],
    ['AUTH_MAX_TOKEN_LIFETIME_S', '0', /positive whole number/],
    ['AUTH_MAX_TOKEN_LIFETIME_S', '1h', /positive whole number/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => authKeysFromEnv({ AUTH_HS256_SECRET: 'x'.repeat(32), ...PRODUCTION_CLAIMS, [name]: value }, { production: true })).toThrow(message);
  });

  it('reads a JWKS file of public keys and refuses a missing file, an empty set and private keys', async () => {
    const good = join(dir, 'jwks.json');
    await writeFile(good, JSON.stringify({ keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB', kid: 'k1' }] }));
    expect(authKeysFromEnv({ AUTH_JWKS_PATH: good, ...PRODUCTION_CLAIMS }, { production: true })?.jwks?.keys).toHaveLength(1);
    expect(() => authKeysFromEnv({ AUTH_JWKS_PATH: join(dir, 'missing.json') }, { production: true })).toThrow(/not a readable JSON file \(ENOENT\)/);
    const empty = join(dir, 'empty.json');
    await writeFile(empty, '{"keys":[]}');
    expect(() => authKeysFromEnv({ AUTH_JWKS_PATH: empty }, { production: true })).toThrow(/holds no "keys"/);
    const privateKey = join(dir, 'private.json');
    await writeFile(privateKey, JSON.stringify({ keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB', d: 'secret' }] }));
    expect(() => authKeysFromEnv({ AUTH_JWKS_PATH: privateKey }, { production: true })).toThrow(/private key/);
  });

  it('takes a JWKS URL (https in production)', () => {
    expect(authKeysFromEnv({ AUTH_JWKS_URL: 'https://idp.example/jwks', ...PRODUCTION_CLAIMS }, { production: true })?.jwksUrl).toBe('https://idp.example/jwks');
    expect(() => authKeysFromEnv({ AUTH_JWKS_URL: 'http://idp.example/jwks' }, { production: true })).toThrow(/https/);
    expect(() => authKeysFromEnv({ AUTH_JWKS_URL: 'ftp://x' }, { production: false })).toThrow(AuthConfigError);
  });
});

describe('loadOrCreateDevSecret', () => {
  it('creates the secret once, owner-readable only, and returns the same one afterwards', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dev-secret-'));
    try {
      const path = join(dir, 'nested', 'dev-auth-secret');
      const first = loadOrCreateDevSecret(path);
      expect(first.length).toBeGreaterThanOrEqual(40);
      expect(loadOrCreateDevSecret(path)).toBe(first);
      expect((await readFile(path, 'utf8')).trim()).toBe(first);
      expect((await stat(path)).mode & 0o077).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('securityOptionsFromEnv', () => {
  it('has working defaults and reads the knobs', () => {
    const defaults = securityOptionsFromEnv({}, { production: false });
    expect(defaults).toMatchObject({ deadlineMs: 10_000, rateLimit: { limit: 600, windowMs: 60_000, keyPrefix: 'uv:' }, limits: { maxDepth: 12 } });
    expect(defaults.auth).toBeUndefined();
    const tuned = securityOptionsFromEnv(
      { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '1000', RATE_LIMIT_PREFIX: 'p:', REDIS_URL: 'redis://r:6379', REQUEST_DEADLINE_MS: '2500', LIMIT_MAX_DEPTH: '8' },
      { production: false },
    );
    expect(tuned).toMatchObject({ deadlineMs: 2500, rateLimit: { limit: 5, windowMs: 1000, keyPrefix: 'p:', redisUrl: 'redis://r:6379' }, limits: { maxDepth: 8 } });
    expect(securityOptionsFromEnv({ RATE_LIMIT_MAX: '0' }, { production: false }).rateLimit).toBeUndefined();
    expect(() => securityOptionsFromEnv({ REQUEST_DEADLINE_MS: 'soon' }, { production: false })).toThrow(/REQUEST_DEADLINE_MS/);
  });
});

import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { loadOrCreateDevSecret } from './devSecret';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, MAX_CLOCK_TOLERANCE_SECONDS, type AuthKeys } from './tokenVerifier';

/** Authentication configuration that cannot work (refused at start, with what to fix). */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

export const MIN_HS256_SECRET_BYTES = 32;

export interface AuthEnvOptions {
  production: boolean;
  /**
   * Development only: with no key configured, use (and create once) the secret in this file.
   * Unset: no key means authentication is off (a development gateway started by hand or a
   * test of another feature).
   */
  devSecretPath?: string;
}

/**
 * Key material from the environment:
 * - `AUTH_HS256_SECRET`: HS256 shared secret (>= 32 bytes);
 * - `AUTH_JWKS_PATH`: a JWKS JSON file with RS256 public keys;
 * - `AUTH_JWKS_URL`: an identity provider's JWKS endpoint (fetched, cached, rotated by jose);
 * - `AUTH_ISSUER`, `AUTH_AUDIENCE`: required `iss` / `aud` (both must be set in production);
 * - `AUTH_CLOCK_TOLERANCE_S`: leeway for exp/nbf/iat, 0 to 5 (default 5);
 * - `AUTH_MAX_TOKEN_LIFETIME_S`: longest accepted token lifetime (default 43200, 12 h).
 * Returns undefined when authentication is off (development without a key and without a dev
 * secret file). Production without key material, issuer or audience throws AuthConfigError:
 * the gateway must not start open, nor accept another issuer's or application's tokens.
 */
export function authKeysFromEnv(env: NodeJS.ProcessEnv, options: AuthEnvOptions): AuthKeys | undefined {
  const secret = env.AUTH_HS256_SECRET?.trim();
  const jwksPath = env.AUTH_JWKS_PATH?.trim();
  const jwksUrl = env.AUTH_JWKS_URL?.trim();
  const claims = {
    ...(env.AUTH_ISSUER?.trim() ? { issuer: env.AUTH_ISSUER.trim() } : {}),
    ...(env.AUTH_AUDIENCE?.trim() ? { audience: env.AUTH_AUDIENCE.trim() } : {}),
    ...(env.AUTH_CLOCK_TOLERANCE_S?.trim() ? { clockToleranceSeconds: clockTolerance(env.AUTH_CLOCK_TOLERANCE_S) } : {}),
    maxLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_S?.trim() ? positive('AUTH_MAX_TOKEN_LIFETIME_S', env.AUTH_MAX_TOKEN_LIFETIME_S) : DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  };


  const keys: AuthKeys = { ...claims };
  if (secret) keys.hs256Secret = hs256Secret(secret);
  if (jwksPath) keys.jwks = readJwksFile(jwksPath);
  if (jwksUrl) {
    if (jwksPath) throw new AuthConfigError('set AUTH_JWKS_PATH or AUTH_JWKS_URL, not both');
    if (!/^https?:\/\//.test(jwksUrl)) throw new AuthConfigError('AUTH_JWKS_URL must be an http(s) URL');
    if (options.production && !jwksUrl.startsWith('https://')) throw new AuthConfigError('AUTH_JWKS_URL must use https in production');
    keys.jwksUrl = jwksUrl;
  }
  if (keys.hs256Secret || keys.jwks || keys.jwksUrl) {
    if (options.production && (!keys.issuer || !keys.audience)) {
      throw new AuthConfigError('NODE_ENV=production needs AUTH_ISSUER and AUTH_AUDIENCE: tokens of another issuer or for another application must be refused');
    }
    return keys;
  }

  if (options.production) {
    throw new AuthConfigError(
      'NODE_ENV=production needs token key material: set AUTH_HS256_SECRET (>= 32 bytes), AUTH_JWKS_PATH (a JWKS file) or AUTH_JWKS_URL',
    );
  }
  if (options.devSecretPath) return { ...claims, hs256Secret: hs256Secret(loadOrCreateDevSecret(options.devSecretPath)) };
  return undefined;
}

export function hs256Secret(secret: string): Uint8Array {
  const bytes = new TextEncoder().encode(secret);
  if (bytes.length < MIN_HS256_SECRET_BYTES) {
    throw new AuthConfigError(`AUTH_HS256_SECRET must be at least ${MIN_HS256_SECRET_BYTES} bytes (HS256 is only as strong as its secret)`);
  }
  return bytes;
}

function readJwksFile(path: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AuthConfigError(`AUTH_JWKS_PATH ${path} is not a readable JSON file${code ? ` (${code})` : ''}`);
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new AuthConfigError(`AUTH_JWKS_PATH ${path} holds no "keys"`);
  if (keys.some((k) => typeof k === 'object' && k !== null && 'd' in k)) {
    throw new AuthConfigError(`AUTH_JWKS_PATH ${path} contains a private key; the gateway needs public keys only`);
  }
  return parsed as JSONWebKeySet;
}

function clockTolerance(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new AuthConfigError(`AUTH_CLOCK_TOLERANCE_S must be between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS} seconds, got "${raw}"`);
  }
  return value;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new AuthConfigError(`${name} must be a positive whole number of seconds, got "${raw}"`);
  return value;
}

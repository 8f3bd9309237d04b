import { createSecretKey } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { InvalidClaimsError, principalFromClaims, type Principal } from './principal';

/** Key material and claim checks for bearer tokens (see authConfig.ts for the environment). */
export interface AuthKeys {
  /** HS256 shared secret (at least 32 bytes). */
  hs256Secret?: Uint8Array;
  /** RS256 public keys, as a JWKS document (AUTH_JWKS_PATH). */
  jwks?: JSONWebKeySet;
  /** RS256 public keys fetched (and cached, rotated) from an identity provider (AUTH_JWKS_URL). */
  jwksUrl?: string;
  /** Required `iss` when set. */
  issuer?: string;
  /** Required `aud` when set. */
  audience?: string;
  /** Leeway for exp/nbf/iat between clocks, at most MAX_CLOCK_TOLERANCE_SECONDS. Default 5 s. */
  clockToleranceSeconds?: number;
  /**
   * Longest lifetime a token may have (`exp - iat`); a token issued further back than this is
   * refused too, as is one issued in the future. Default 12 h.
   */
  maxLifetimeSeconds?: number;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;
export const MAX_CLOCK_TOLERANCE_SECONDS = 5;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export type AuthenticationFailure = 'missing' | 'expired' | 'invalid';

/** Why a request is not authenticated. The message is safe to return (names no key, no claim value). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(readonly reason: AuthenticationFailure, message: string) {
    super(message);
  }
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * Verifies a compact JWS with jose: signature (HS256 with the secret, RS256 with the JWKS,
 * chosen by the token's `alg`; any other algorithm, `none` included, is refused), `exp`, `iat`
 * and `sub` (required), `nbf`, `iss`/`aud` when configured (production requires both, see
 * authConfig.ts), and a capped lifetime: `exp - iat` and the token's age at most
 * `maxLifetimeSeconds`, `iat` not in the future, all with at most 5 s of clock leeway. Returns
 * the principal or throws AuthenticationError.
 */
export function createTokenVerifier(keys: AuthKeys): TokenVerifier {
  if (!keys.hs256Secret && !keys.jwks && !keys.jwksUrl) throw new Error('createTokenVerifier needs key material');
  const clockTolerance = keys.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  if (!(clockTolerance >= 0 && clockTolerance <= MAX_CLOCK_TOLERANCE_SECONDS)) throw new Error(`clock tolerance must be 0 to ${MAX_CLOCK_TOLERANCE_SECONDS} s`);
  const maxLifetime = keys.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (!(maxLifetime > 0)) throw new Error('the token lifetime cap must be positive');
  const rsKeys: JWTVerifyGetKey | undefined = keys.jwks
    ? createLocalJWKSet(keys.jwks)
    : keys.jwksUrl
      ? createRemoteJWKSet(new URL(keys.jwksUrl), { timeoutDuration: 2000, cooldownDuration: 30_000 })
      : undefined;
  // A KeyObject built once: given bytes, jose builds one on every verification.
  const hs256Key = keys.hs256Secret ? createSecretKey(keys.hs256Secret) : undefined;
  const common = {
    issuer: keys.issuer,
    audience: keys.audience,
    clockTolerance,
    // jose: iat required, not in the future, not older than this.
    maxTokenAge: maxLifetime,
    requiredClaims: ['exp', 'iat', 'sub'],
  };

  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('invalid', 'Bearer token is malformed');
    }
    try {
      let payload: unknown;
      if (alg === 'HS256' && hs256Key) {
        ({ payload } = await jwtVerify(token, hs256Key, { ...common, algorithms: ['HS256'] }));
      } else if (alg === 'RS256' && rsKeys) {
        ({ payload } = await jwtVerify(token, rsKeys, { ...common, algorithms: ['RS256'] }));
      } else {
        throw new AuthenticationError('invalid', 'Bearer token is signed with an algorithm this gateway does not accept');
      }
      const { exp, iat } = payload as { exp: number; iat: number };
      if (exp - iat > maxLifetime) throw new AuthenticationError('invalid', `Bearer token lifetime exceeds ${maxLifetime} s`);
      return principalFromClaims(payload);
    } catch (error) {
      throw toAuthenticationError(error);
    }
  };
}

function toAuthenticationError(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof errors.JWTExpired) return new AuthenticationError('expired', 'Bearer token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    // jose names the claim that failed (nbf, iss, aud, exp, sub); the claim name is not sensitive.
    return new AuthenticationError('invalid', `Bearer token claim "${error.claim}" is not acceptable`);
  }
  if (error instanceof InvalidClaimsError) return new AuthenticationError('invalid', 'Bearer token claims are malformed');
  if (error instanceof errors.JWKSNoMatchingKey) return new AuthenticationError('invalid', 'Bearer token is signed by an unknown key');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthenticationError('invalid', 'Bearer token cannot be checked: the key set is unavailable');
  }
  return new AuthenticationError('invalid', 'Bearer token is invalid');
}

/** `Authorization: Bearer <token>` -> the token; undefined when absent; throws on another scheme or an empty token. */
export function bearerTokenOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(value.trim());
  if (!match) throw new AuthenticationError('invalid', 'Authorization header must be "Bearer <token>"');
  return match[1];
}

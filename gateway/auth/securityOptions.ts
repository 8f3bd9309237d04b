import { DEFAULT_ABUSE_LIMITS, type AbuseLimits } from '../plugins/useAbuseLimits';
import type { RateLimitOptions } from '../plugins/useRateLimit';
import type { FieldPolicy } from './fieldPolicy';
import { AuthConfigError, authKeysFromEnv, type AuthEnvOptions } from './authConfig';
import type { AuthKeys } from './tokenVerifier';

/** What the security plugins need (gateway/plugins/index.ts wires them). */
export interface SecurityOptions {
  /** Token keys; absent = authentication and field authorization off (development only). */
  auth?: AuthKeys;
  /** Default FIELD_POLICY. */
  fieldPolicy?: FieldPolicy;
  /** Absent = no rate limit. */
  rateLimit?: RateLimitOptions;
  limits: AbuseLimits;
  /** Longest a client waits (ms). */
  deadlineMs: number;
}

export const DEFAULT_RATE_LIMIT = { limit: 600, windowMs: 60_000 } as const;
export const DEFAULT_DEADLINE_MS = 10_000;

/**
 * The security settings from the environment:
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | AUTH_HS256_SECRET / AUTH_JWKS_PATH / AUTH_JWKS_URL | token keys (authConfig.ts) | production: required; development: off, or data/dev-auth-secret under `npm start` |
 * | AUTH_ISSUER, AUTH_AUDIENCE | required `iss` / `aud` | production: required; development: not checked |
 * | AUTH_CLOCK_TOLERANCE_S, AUTH_MAX_TOKEN_LIFETIME_S | clock leeway (at most 5), longest token lifetime | 5, 43200 |
 * | RATE_LIMIT_MAX | requests per principal per window; 0 turns the limit off | 600 |
 * | RATE_LIMIT_WINDOW_MS | window length | 60000 |
 * | RATE_LIMIT_PREFIX | Redis key prefix (shared by replicas) | `uv:` |
 * | REDIS_URL | shared counters; absent: in memory (per replica) | none |
 * | REQUEST_DEADLINE_MS | longest a client waits | 10000 |
 * | LIMIT_MAX_DEPTH, LIMIT_MAX_ALIASES, LIMIT_MAX_TOKENS, LIMIT_MAX_COST, LIMIT_MAX_DIRECTIVES | operation shape limits | 12, 15, 2000, 100000, 50 |
 */
export function securityOptionsFromEnv(env: NodeJS.ProcessEnv, options: AuthEnvOptions): SecurityOptions {
  const auth = authKeysFromEnv(env, options);
  const limit = integer(env, 'RATE_LIMIT_MAX', DEFAULT_RATE_LIMIT.limit, 0);
  const redisUrl = env.REDIS_URL?.trim();
  return {
    ...(auth ? { auth } : {}),
    ...(limit > 0
      ? {
          rateLimit: {
            limit,
            windowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs, 1),
            keyPrefix: env.RATE_LIMIT_PREFIX?.trim() || 'uv:',
            ...(redisUrl ? { redisUrl } : {}),
          },
        }
      : {}),
    limits: {
      maxDepth: integer(env, 'LIMIT_MAX_DEPTH', DEFAULT_ABUSE_LIMITS.maxDepth, 1),
      maxAliases: integer(env, 'LIMIT_MAX_ALIASES', DEFAULT_ABUSE_LIMITS.maxAliases, 0),
      maxTokens: integer(env, 'LIMIT_MAX_TOKENS', DEFAULT_ABUSE_LIMITS.maxTokens, 1),
      maxCost: integer(env, 'LIMIT_MAX_COST', DEFAULT_ABUSE_LIMITS.maxCost, 1),
      maxDirectives: integer(env, 'LIMIT_MAX_DIRECTIVES', DEFAULT_ABUSE_LIMITS.maxDirectives, 0),
    },
    deadlineMs: integer(env, 'REQUEST_DEADLINE_MS', DEFAULT_DEADLINE_MS, 1),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new AuthConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { JsonlAuditStore } from '../gateway/audit/jsonlAuditStore';
import { mintToken } from '../gateway/auth/mintToken';
import { securityOptionsFromEnv } from '../gateway/auth/securityOptions';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { StackOptions } from '../stack/startStack';
import type { CacheMode } from './benchOptions';

export interface BenchStack {
  options: StackOptions;
  /** Headers every bench request carries (a bearer token when authentication is on). */
  headers: Record<string, string>;
  /** The same settings as environment variables, for a gateway started as its own process (gatewayProcess.ts). */
  gatewayEnv: Record<string, string>;
}

/**
 * The stack as the bench runs it: free ports, a silent gateway log, the security settings of the
 * environment except the per-client rate limit (600 a minute by default: the load generator is
 * one client and would measure 429s), and the audit trail in a throw-away file (it stays on:
 * recording who looked at which customer is part of what a request costs).
 *
 * With `auth`, tokens are verified as in production (HS256, a fresh secret per bench) and the
 * bench calls as an auditor, the role that may read every field class, so ours answers exactly
 * what the plain gateway answers and field authorization runs without nulling anything.
 */
async function benchStack(dataset: Dataset, auth: boolean): Promise<BenchStack> {
  const auditDir = mkdtempSync(path.join(os.tmpdir(), 'unified-view-bench-audit-'));
  const security = securityOptionsFromEnv({ ...process.env, RATE_LIMIT_MAX: '0' }, { production: false });
  // A text secret (AUTH_HS256_SECRET is text) so a gateway process can be given the same one.
  const secretText = auth ? randomBytes(32).toString('hex') : undefined;
  const secret = secretText ? new TextEncoder().encode(secretText) : undefined;
  const auditPath = path.join(auditDir, 'audit.jsonl');
  const token = secret ? await mintToken({ secret, roles: ['auditor'], subject: 'bench', ttl: '12h' }) : undefined;
  return {
    options: {
      dataset,
      ports: 'free',
      gatewayLogger: pino({ level: 'silent' }),
      security: secret ? { ...security, auth: { hs256Secret: secret } } : security,
      auditStore: new JsonlAuditStore(auditPath),
    },
    headers: token ? { authorization: `Bearer ${token}` } : {},
    gatewayEnv: { RATE_LIMIT_MAX: '0', AUDIT_LOG_PATH: auditPath, ...(secretText ? { AUTH_HS256_SECRET: secretText } : {}) },
  };
}

// Nothing edits records during a bench, so the cache's change-feed polling is off: its polls
// would land in the simulators' counters as legacy calls no operation made.
/** The stack's documented "uncached" setting, change polling off. */
export const COLD_CACHE_ENV: Readonly<Record<string, string>> = { CACHE_TTL_MS: '0', CHANGE_POLL_MS: '0' };

/** The cache layer's settings per bench cache state (a product child of the split and warm benches takes them too). */
export const BENCH_CACHE_ENV: Readonly<Record<CacheMode, Readonly<Record<string, string>>>> = {
  cold: { ...COLD_CACHE_ENV },
  // Entries outlive the whole bench (the default 30 s TTL would expire them between runs), so a
  // warm run measures hits only; every request is primed once per gateway before timing.
  warm: { CACHE_TTL_MS: '3600000', CHANGE_POLL_MS: '0' },
};

/** The stack for one cache state (the cache layer's settings from the environment plus BENCH_CACHE_ENV). */
export async function benchStackFor(dataset: Dataset, cache: CacheMode, auth: boolean): Promise<BenchStack> {
  const stack = await benchStack(dataset, auth);
  return { ...stack, options: { ...stack.options, cacheEnv: { ...process.env, ...BENCH_CACHE_ENV[cache] } } };
}

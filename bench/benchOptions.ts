import { parseArgs } from 'node:util';

export type ScenarioChoice = 'all' | 'baseline' | 'latency';
export type CacheMode = 'cold' | 'warm';

export interface BenchOptions {
  durationSeconds: number;
  connections: number;
  scenario: ScenarioChoice;
  /** Cache states to measure, each on its own stack. `warm` needs the stack's cache option (see stackVariants.ts). */
  cacheModes: CacheMode[];
  /** Gateway worker counts to measure as a separate gateway process (see gatewayProcess.ts); empty: skip. */
  workers: number[];
  /** Runs per (gateway, workload); the report shows medians. */
  repeat: number;
  /** Unmeasured seconds per (gateway, workload) before measuring: JIT, query plan cache, keep-alive sockets. */
  warmupSeconds: number;
  /** How many customers customer360 rotates through. */
  customerCount: number;
  /** Verify a bearer token on every request, as in production (default on; `--auth off` for the bare product). */
  auth: boolean;
  /** Also measure our gateway with no plugins (diagnosis of a gap to plain, see bareGateway.ts). */
  bare: boolean;
  /** Where to write the raw results as JSON (optional). */
  jsonPath?: string;
}

export class BenchOptionsError extends Error {
  override readonly name = 'BenchOptionsError';
}

export const BENCH_USAGE = `npm run bench -- [--duration 10] [--connections 8] [--scenario all|baseline|latency]
                  [--cache cold|warm|both] [--workers 1,2] [--repeat 1] [--warmup 2] [--customers 200] [--auth on|off] [--bare] [--json out.json]`;

function positiveInteger(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new BenchOptionsError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new BenchOptionsError(`--${name} must be one of ${allowed.join('|')}, got "${raw}"`);
  return raw as T;
}

/** Parses the command line; a bad value is a BenchOptionsError naming the option. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        duration: { type: 'string' },
        connections: { type: 'string' },
        scenario: { type: 'string' },
        cache: { type: 'string' },
        workers: { type: 'string' },
        repeat: { type: 'string' },
        warmup: { type: 'string' },
        customers: { type: 'string' },
        json: { type: 'string' },
        bare: { type: 'boolean' },
        auth: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new BenchOptionsError((error as Error).message);
  }
  const cache = oneOf('cache', values.cache, ['cold', 'warm', 'both'] as const, 'cold');
  const workers = values.workers === undefined ? [] : values.workers.split(',').map((w) => positiveInteger('workers', w.trim(), 1));
  return {
    durationSeconds: positiveInteger('duration', values.duration, 10),
    connections: positiveInteger('connections', values.connections, 8),
    scenario: oneOf('scenario', values.scenario, ['all', 'baseline', 'latency'] as const, 'all'),
    cacheModes: cache === 'both' ? ['cold', 'warm'] : [cache],
    workers,
    repeat: positiveInteger('repeat', values.repeat, 1),
    warmupSeconds: positiveInteger('warmup', values.warmup, 2, 0),
    customerCount: positiveInteger('customers', values.customers, 200),
    auth: oneOf('auth', values.auth, ['on', 'off'] as const, 'on') === 'on',
    bare: values.bare ?? false,
    jsonPath: values.json,
  };
}

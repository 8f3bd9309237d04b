import { Command, CommanderError, Option } from 'commander';

export type ScenarioChoice = 'all' | 'baseline' | 'latency' | 'faults';
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
  /**
   * Simulators, adapters + subgraphs, our gateway and a stock gateway as separate processes, with
   * the OS CPU and heap allocation per request of each (bench/split/). Cold, baseline only.
   */
  split: boolean;
  /** With `split`: also measure the console's insights request (console/src/operations.ts, CUSTOMER_INSIGHTS). */
  insights: boolean;
  /** Where to write the raw results as JSON (optional). */
  jsonPath?: string;
  /** Fault matrix (`--scenario faults`): seconds with each fault on, and seconds of load after lifting it. */
  faultSeconds: number;
  recoverySeconds: number;
}

export class BenchOptionsError extends Error {
  override readonly name = 'BenchOptionsError';
}

/** The command line: commander prints `--help` from these and refuses unknown options. */
export function benchCommand(): Command {
  return new Command('npm run bench --')
    .description('Our gateway against a stock Apollo gateway over the same subgraphs and simulators (figures: BENCHMARKS.md).')
    .option('--duration <seconds>', 'measured seconds per (gateway, workload)', '10')
    .option('--connections <n>', 'concurrent connections', '8')
    .addOption(
      new Option('--scenario <name>', 'baseline (legacy systems answer at once), latency (realistic legacy latency), all (both), or faults (the fault matrix: 4 systems x outage / 50% errors / 3 s latency / 50% malformed, our gateway alone)')
        .choices(['all', 'baseline', 'latency', 'faults'])
        .default('all'),
    )
    .addOption(new Option('--cache <mode>', 'cache state measured, each on its own stack').choices(['cold', 'warm', 'both']).default('cold'))
    .option('--workers <list>', 'also measure the gateway as a process with these GATEWAY_WORKERS counts, e.g. 1,2')
    .option('--repeat <n>', 'runs per (gateway, workload); the report shows medians', '1')
    .option('--warmup <seconds>', 'unmeasured seconds before measuring', '2')
    .option('--customers <n>', 'how many customers customer360 rotates through', '200')
    .addOption(new Option('--auth <on|off>', 'verify a bearer token on every request, as in production').choices(['on', 'off']).default('on'))
    .option('--bare', 'also measure our gateway with no plugins')
    .option(
      '--split',
      'run simulators, adapters + subgraphs, our gateway and a stock Apollo gateway as separate processes and report OS CPU ms and ' +
        'V8 heap bytes allocated per request of each (cold, legacy systems answering at once; not with --cache warm|both, --scenario latency|faults, --workers or --bare)',
    )
    .option('--insights', "with --split: also measure the console's insights request (segment, value, stage, actions) over the same customers")
    .option('--json <file>', 'write the raw results as JSON')
    .option('--fault-seconds <seconds>', 'fault matrix: seconds of load with each fault on', '10')
    .option('--recovery-seconds <seconds>', 'fault matrix: seconds of load after the fault is lifted (time to recover)', '15')
    .showHelpAfterError();
}

type RawBenchOptions = {
  duration: string;
  connections: string;
  scenario: ScenarioChoice;
  cache: CacheMode | 'both';
  workers?: string;
  repeat: string;
  warmup: string;
  customers: string;
  auth: 'on' | 'off';
  bare?: boolean;
  split?: boolean;
  insights?: boolean;
  json?: string;
  faultSeconds: string;
  recoverySeconds: string;
};

/** An integer option of at least `min`; anything else is a BenchOptionsError naming the option. Shared by every bench's command line. */
export function positiveInteger(name: string, raw: string, min = 1): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < min) throw new BenchOptionsError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

/** Parses the command line; a bad value is a BenchOptionsError naming the option. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const command = benchCommand()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new BenchOptionsError(error.message);
    throw error;
  }
  return benchOptions(command.opts<RawBenchOptions>());
}

/** Commander's raw values -> validated options. */
export function benchOptions(values: RawBenchOptions): BenchOptions {
  const options: BenchOptions = {
    durationSeconds: positiveInteger('duration', values.duration),
    connections: positiveInteger('connections', values.connections),
    scenario: values.scenario,
    cacheModes: values.cache === 'both' ? ['cold', 'warm'] : [values.cache],
    workers: values.workers === undefined ? [] : values.workers.split(',').map((w) => positiveInteger('workers', w.trim())),
    repeat: positiveInteger('repeat', values.repeat),
    warmupSeconds: positiveInteger('warmup', values.warmup, 0),
    customerCount: positiveInteger('customers', values.customers),
    auth: values.auth === 'on',
    bare: values.bare ?? false,
    split: values.split ?? false,
    insights: values.insights ?? false,
    jsonPath: values.json,
    faultSeconds: positiveInteger('fault-seconds', values.faultSeconds),
    recoverySeconds: positiveInteger('recovery-seconds', values.recoverySeconds),
  };
  if (options.split) refuseWithSplit(options);
  else if (options.insights) throw new BenchOptionsError('--insights is measured by --split only');
  return options;
}

/** What the split bench does not measure: a cache state or a variant it would silently ignore. */
function refuseWithSplit(options: BenchOptions): void {
  if (options.cacheModes.some((mode) => mode !== 'cold')) throw new BenchOptionsError('--split measures a cold cache only (not --cache warm|both)');
  if (options.scenario !== 'all' && options.scenario !== 'baseline') throw new BenchOptionsError(`--split runs the baseline scenario only (not --scenario ${options.scenario})`);
  if (options.workers.length) throw new BenchOptionsError('--split runs one gateway process (not --workers)');
  if (options.bare) throw new BenchOptionsError('--split does not measure --bare');
}

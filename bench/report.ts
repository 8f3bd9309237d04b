import type { CacheMode } from './benchOptions';
import type { LegacyCalls } from './legacyCallCounter';
import type { LoadResult } from './loadRunner';
import type { MachineDescription } from './machine';

/** One timed run of one gateway with one workload. */
export interface Measurement {
  cache: CacheMode;
  scenario: string;
  workload: string;
  gateway: string;
  load: LoadResult;
  legacyCalls: LegacyCalls;
}

interface Summary {
  cache: CacheMode;
  scenario: string;
  workload: string;
  gateway: string;
  runs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  callsPerOperation: number;
  callsPerSystem: string;
  failures: number;
  failureKinds: string;
}

/** The throughput ratio ours/plain must reach with nothing cached. */
export const TARGET_RATIO = 0.9;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Legacy calls per GraphQL operation: calls the systems served during the run / requests sent.
const perOperation = (m: Measurement, calls: number) => (m.load.sent === 0 ? 0 : calls / m.load.sent);

function summarise(measurements: readonly Measurement[]): Summary[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    const key = [m.cache, m.scenario, m.workload, m.gateway].join('|');
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((runs) => {
    const first = runs[0];
    const systems = (['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'] as const).map((s) => median(runs.map((m) => perOperation(m, m.legacyCalls[s]))).toFixed(2));
    return {
      cache: first.cache,
      scenario: first.scenario,
      workload: first.workload,
      gateway: first.gateway,
      runs: runs.length,
      requestsPerSecond: median(runs.map((m) => m.load.requestsPerSecond)),
      p50Ms: median(runs.map((m) => m.load.p50Ms)),
      p99Ms: median(runs.map((m) => m.load.p99Ms)),
      cpuMsPerRequest: median(runs.map((m) => m.load.cpuMsPerRequest)),
      callsPerOperation: median(runs.map((m) => perOperation(m, m.legacyCalls.total))),
      callsPerSystem: systems.join(' / '),
      failures: runs.reduce((sum, m) => sum + m.load.failures, 0),
      failureKinds: describeKinds(runs),
    };
  });
}

function describeKinds(runs: readonly Measurement[]): string {
  const kinds: Record<string, number> = {};
  for (const m of runs) for (const [kind, n] of Object.entries(m.load.failureKinds)) kinds[kind] = (kinds[kind] ?? 0) + n;
  const listed = Object.entries(kinds).map(([kind, n]) => `${kind} ${n}`);
  return listed.length ? ` (${listed.join(', ')})` : '';
}

const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The results as markdown tables (readable in a terminal, pasteable into BENCHMARKS.md). */
export function renderReport(machine: MachineDescription, settings: { command: string; durationSeconds: number; connections: number; repeat: number; auth: boolean }, measurements: readonly Measurement[]): string {
  const summaries = summarise(measurements);
  const lines: string[] = [];
  lines.push(`Command: ${settings.command}`);
  lines.push(
    `Machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}; ` +
      'gateway, subgraphs, simulators and load generator share it (one process unless a gateway process row says otherwise).',
  );
  lines.push(`Runs: ${settings.durationSeconds} s each, ${settings.connections} connections, ${settings.repeat} run(s) per row${settings.repeat > 1 ? ' (figures are medians)' : ''}.`);
  lines.push(
    `Ours: every default plugin, audit trail to a file, rate limit off, ${settings.auth ? 'bearer token verified on every request (auditor role)' : 'authentication off'}; ` +
      'plain: stock ApolloGateway on startStandaloneServer, no plugins.',
  );
  lines.push('');
  lines.push(
    table(
      ['cache', 'scenario', 'workload', 'gateway', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/op', 'legacy calls/op', 'per system CB / CARDS / ERP / CC', 'failures'],
      summaries.map((s) => [s.cache, s.scenario, s.workload, s.gateway, s.requestsPerSecond.toFixed(1), s.p50Ms.toFixed(0), s.p99Ms.toFixed(0), s.cpuMsPerRequest.toFixed(1), s.callsPerOperation.toFixed(2), s.callsPerSystem, `${s.failures}${s.failureKinds}`]),
    ),
  );
  const ratios = summaries
    .filter((s) => s.gateway === 'ours')
    .flatMap((ours) => {
      const plain = summaries.find((s) => s.gateway === 'plain' && s.cache === ours.cache && s.scenario === ours.scenario && s.workload === ours.workload);
      if (!plain) return [];
      const ratio = ours.requestsPerSecond / plain.requestsPerSecond;
      const cpuRatio = ours.cpuMsPerRequest / plain.cpuMsPerRequest;
      return [[ours.cache, ours.scenario, ours.workload, ours.requestsPerSecond.toFixed(1), plain.requestsPerSecond.toFixed(1), `${ratio.toFixed(2)}x`, ratio >= TARGET_RATIO ? 'ok' : `BELOW ${TARGET_RATIO}x`, `${cpuRatio.toFixed(2)}x`]];
    });
  if (ratios.length) {
    lines.push('');
    lines.push(table(['cache', 'scenario', 'workload', 'ours req/s', 'plain req/s', 'ours/plain req/s', `target >= ${TARGET_RATIO}x`, 'ours/plain CPU ms/op'], ratios));
  }
  return lines.join('\n');
}

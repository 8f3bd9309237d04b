import type { SourceSystem } from '../adapters/canonical';
import type { RunningStack } from '../stack/startStack';
import { SYSTEMS } from './legacyCallCounter';
import { comparePart } from './responseParts';
import type { Target } from './target';
import { customer360Workload } from './workloads';

/**
 * The fault matrix (`npm run bench -- --scenario faults`): for each legacy system and each
 * fault, customer360 under load while the fault is on, then while it is lifted, set through the
 * simulators' operator API (`POST /__admin/faults`). Every answer is compared, system by system,
 * with the answer given for the same customer with every system healthy.
 */
export interface Fault {
  name: string;
  /** The body of POST /__admin/faults. */
  config: Record<string, unknown>;
}

export const FAULTS: readonly Fault[] = [
  { name: 'outage', config: { down: true } },
  { name: '50% errors', config: { errorRate: 0.5 } },
  { name: '3 s latency', config: { latencyMs: 3000 } },
  { name: '50% malformed', config: { malformedRate: 0.5 } },
];

const NO_FAULTS = { latencyMs: 0, jitterMs: 0, errorRate: 0, down: false, malformedRate: 0 };

export interface FaultMatrixSettings {
  /** Seconds of load with the fault on. */
  faultSeconds: number;
  /** Seconds of load after the fault is lifted (time to recover is measured here). */
  recoverySeconds: number;
  connections: number;
  customerCount: number;
}

export interface CellResult {
  system: SourceSystem;
  fault: string;
  /** Answers started and completed while the fault was on. */
  responses: number;
  /** Of those, the share whose faulted system's part is complete and equal to the healthy answer. */
  keptShare: number;
  /** From lifting the fault to the end of the last answer (started after the lift) that still lacked the system's data; null if it never recovered in the recovery period. */
  recoveryMs: number | null;
  p99Ms: number;
  /** Answers (whole cell) in which another, healthy system's part was missing. */
  healthyNulled: number;
  /** Answers (whole cell) carrying a value that differs from the healthy answer (any system). */
  wrongData: number;
  /** HTTP failures (status >= 500 other than a deadline's 504, connection errors) plus services not answering /health after the cell. */
  crashes: number;
}

interface Sample {
  startedAt: number;
  endedAt: number;
  kept: boolean;
  healthyNulled: boolean;
  wrong: boolean;
  failed: boolean;
}

type Customer = Record<string, unknown>;

async function postJson(target: Target, body: string): Promise<{ status: number; customer: Customer | null | undefined }> {
  const response = await fetch(target.url, { method: 'POST', headers: { ...target.headers, 'content-type': 'application/json' }, body });
  const text = await response.text();
  let parsed: { data?: { customer?: Customer | null } } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON: counted as a failure below through the status or the missing customer.
  }
  return { status: response.status, customer: parsed.data?.customer };
}

/** Customers known to all four systems, so every system's part of their answer holds data. */
async function customersInEverySystem(target: Target, count: number): Promise<string[]> {
  const query = 'query($after: String) { customers(first: 100, after: $after) { edges { node { id sourceKeys { system } } } pageInfo { hasNextPage endCursor } } }';
  const ids: string[] = [];
  let after: string | null = null;
  type Page = { edges: Array<{ node: { id: string; sourceKeys: Array<{ system: string }> } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  while (ids.length < count) {
    const response: Response = await fetch(target.url, { method: 'POST', headers: { ...target.headers, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { after } }) });
    const page: Page = ((await response.json()) as { data: { customers: Page } }).data.customers;
    for (const { node } of page.edges) if (SYSTEMS.every((s) => node.sourceKeys.some((k) => k.system === s))) ids.push(node.id);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids.slice(0, count);
}

async function setFaults(stack: RunningStack, system: SourceSystem, config: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.simulators[system].url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...NO_FAULTS, ...config }) });
  if (!response.ok) throw new Error(`POST /__admin/faults on ${system} answered ${response.status}`);
}

/** Waits until every legacy breaker is closed again (the previous cell must not leak into the next). */
async function untilHealthy(stack: RunningStack, target: Target, body: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await stack.gateway.checkReadiness();
    if (report.ready && report.systems.every((s) => s.breaker === 'closed')) return;
    if (Date.now() > deadline) throw new Error(`the stack did not recover within ${timeoutMs} ms: ${JSON.stringify(report.systems)}`);
    // A breaker half-opens only when it is called: keep a little traffic going while waiting.
    await postJson(target, body).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether every service of the stack still answers (a crash would not). */
async function servicesAlive(stack: RunningStack): Promise<number> {
  const urls = [
    ...Object.values(stack.subgraphs).map((s) => s.url.replace('/graphql', '/health')),
    ...SYSTEMS.map((s) => `${stack.simulators[s].url}/__admin/stats`),
    stack.gateway.url.replace('/graphql', '/health'),
  ];
  const answers = await Promise.all(urls.map((url) => fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false)));
  return answers.filter((ok) => !ok).length;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function runCell(stack: RunningStack, target: Target, system: SourceSystem, fault: Fault, bodies: string[], references: Customer[], settings: FaultMatrixSettings): Promise<CellResult> {
  await untilHealthy(stack, target, bodies[0]);
  const samples: Sample[] = [];
  let next = 0;
  const start = performance.now();
  const liftAt = start + settings.faultSeconds * 1000;
  const endAt = liftAt + settings.recoverySeconds * 1000;
  await setFaults(stack, system, fault.config);
  const lifted = new Promise<void>((resolve) => setTimeout(() => void setFaults(stack, system, {}).then(resolve), settings.faultSeconds * 1000));

  const worker = async () => {
    while (performance.now() < endAt) {
      const index = next++ % bodies.length;
      const startedAt = performance.now();
      let sample: Sample;
      try {
        const { status, customer } = await postJson(target, bodies[index]);
        const expected = references[index];
        const parts = SYSTEMS.map((s) => ({ system: s, comparison: comparePart(s, customer, expected) }));
        sample = {
          startedAt,
          endedAt: performance.now(),
          kept: parts.find((p) => p.system === system)!.comparison === 'equal',
          healthyNulled: parts.some((p) => p.system !== system && p.comparison === 'lost'),
          wrong: parts.some((p) => p.comparison === 'wrong'),
          failed: status >= 500 && status !== 504,
        };
      } catch {
        sample = { startedAt, endedAt: performance.now(), kept: false, healthyNulled: false, wrong: false, failed: true };
      }
      samples.push(sample);
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, worker));
  await lifted;

  // While the fault was on: answers that started and ended with it on (one in flight at the lift
  // may have been served by the system after it), and answers started after the lift.
  const during = samples.filter((s) => s.endedAt < liftAt);
  const after = samples.filter((s) => s.startedAt >= liftAt);
  const lastLost = after.filter((s) => !s.kept).reduce((latest, s) => Math.max(latest, s.endedAt), -1);
  // Still losing data in the last second of the recovery period: not recovered within it.
  const recovered = lastLost < endAt - 1000;
  return {
    system,
    fault: fault.name,
    responses: during.length,
    keptShare: during.length ? during.filter((s) => s.kept).length / during.length : 0,
    recoveryMs: !recovered ? null : lastLost < 0 ? 0 : lastLost - liftAt,
    p99Ms: percentile(during.map((s) => s.endedAt - s.startedAt), 99),
    healthyNulled: samples.filter((s) => s.healthyNulled).length,
    wrongData: samples.filter((s) => s.wrong).length,
    crashes: samples.filter((s) => s.failed).length + (await servicesAlive(stack)),
  };
}

/** Every (system, fault) cell in turn, on the running stack, through `target` (our gateway). */
export async function runFaultMatrix(stack: RunningStack, target: Target, settings: FaultMatrixSettings, onCell?: (cell: CellResult) => void): Promise<CellResult[]> {
  const ids = await customersInEverySystem(target, settings.customerCount);
  if (ids.length === 0) throw new Error('no customer is known to all four systems');
  const bodies = customer360Workload(ids).bodies;
  const references: Customer[] = [];
  for (const body of bodies) {
    const { status, customer } = await postJson(target, body);
    if (status !== 200 || !customer) throw new Error(`the healthy reference answer failed (HTTP ${status})`);
    references.push(customer);
  }
  const results: CellResult[] = [];
  for (const system of SYSTEMS) {
    for (const fault of FAULTS) {
      const cell = await runCell(stack, target, system, fault, bodies, references, settings);
      onCell?.(cell);
      results.push(cell);
    }
  }
  return results;
}

/** The matrix as a markdown table. */
export function renderFaultMatrix(cells: readonly CellResult[], settings: FaultMatrixSettings): string {
  const header = ['system', 'fault', 'answers', 'kept the system\'s data', 'time to recover', 'p99 ms', 'healthy systems nulled', 'wrong data', 'crashes'];
  const rows = cells.map((c) => [
    c.system,
    c.fault,
    String(c.responses),
    `${(c.keptShare * 100).toFixed(1)}%`,
    c.recoveryMs === null ? `> ${settings.recoverySeconds} s` : `${(c.recoveryMs / 1000).toFixed(1)} s`,
    c.p99Ms.toFixed(0),
    String(c.healthyNulled),
    String(c.wrongData),
    String(c.crashes),
  ]);
  return [
    `Fault matrix: customer360 over ${settings.customerCount} customers known to all four systems, ${settings.connections} connections; ` +
      `${settings.faultSeconds} s with the fault on, then ${settings.recoverySeconds} s after lifting it.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

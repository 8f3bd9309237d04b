import type { LegacyCalls } from '../legacyCallCounter';

/**
 * The process groups of the split bench. `stock` is the stock @apollo/gateway process; `product`
 * is the whole product in one process (gateway calling its subgraphs in-process).
 */
export const GROUPS = ['simulators', 'backends', 'gateway', 'stock', 'product'] as const;
export type Group = (typeof GROUPS)[number];

/** One timed run of one target (our gateway, the stock one, the one-process product) with one workload, everything per completed request. */
export interface SplitRun {
  workload: string;
  gateway: 'ours' | 'stock' | 'product';
  requestsPerSecond: number;
  completed: number;
  /** OS CPU ms per completed request of each group over the run (the idle gateway's is ~0). */
  cpuMsPerRequest: Record<Group, number>;
  /** V8 heap bytes allocated per completed request by each group's main process. */
  allocatedBytesPerRequest: Record<Group, number>;
  /** Legacy calls per request (every request sent is answered before the counters are read). */
  legacyCallsPerRequest: number;
  legacyCalls: LegacyCalls;
  failures: number;
}

/** The medians of a workload's runs, ours and stock side by side (the rows of the report). */
export interface SplitSummary {
  workload: string;
  runs: number;
  simulators: number;
  backends: number;
  gateway: number;
  /** gateway + backends: what the product costs (the simulators stand in for the bank's systems). */
  productTotal: number;
  stockGateway: number;
  /** Our gateway process's CPU / the stock gateway process's, per request. */
  gatewayRatio: number;
  /** The backends' CPU per request while the stock gateway drove them (same work, other client). */
  backendsUnderStock: number;
  legacyCallsPerRequest: number;
  stockLegacyCallsPerRequest: number;
  requestsPerSecond: number;
  stockRequestsPerSecond: number;
  /** The one-process product's CPU per request (simulators excluded), its legacy calls and throughput. */
  oneProcess: number;
  oneProcessLegacyCallsPerRequest: number;
  oneProcessRequestsPerSecond: number;
  allocatedKiB: Record<Group, number>;
  failures: number;
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * One summary per workload: medians over the runs of each gateway. The product total is the
 * median of each run's gateway + backends (not the sum of two medians).
 */
export function summariseSplit(runs: readonly SplitRun[]): SplitSummary[] {
  const workloads = [...new Set(runs.map((r) => r.workload))];
  return workloads.map((workload) => {
    const ours = runs.filter((r) => r.workload === workload && r.gateway === 'ours');
    const stock = runs.filter((r) => r.workload === workload && r.gateway === 'stock');
    const product = runs.filter((r) => r.workload === workload && r.gateway === 'product');
    const gateway = median(ours.map((r) => r.cpuMsPerRequest.gateway));
    const stockGateway = median(stock.map((r) => r.cpuMsPerRequest.stock));
    const kib = (group: Group, from: readonly SplitRun[]) => median(from.map((r) => r.allocatedBytesPerRequest[group])) / 1024;
    return {
      workload,
      runs: ours.length,
      simulators: median(ours.map((r) => r.cpuMsPerRequest.simulators)),
      backends: median(ours.map((r) => r.cpuMsPerRequest.backends)),
      gateway,
      productTotal: median(ours.map((r) => r.cpuMsPerRequest.gateway + r.cpuMsPerRequest.backends)),
      stockGateway,
      gatewayRatio: gateway / stockGateway,
      backendsUnderStock: median(stock.map((r) => r.cpuMsPerRequest.backends)),
      legacyCallsPerRequest: median(ours.map((r) => r.legacyCallsPerRequest)),
      stockLegacyCallsPerRequest: median(stock.map((r) => r.legacyCallsPerRequest)),
      requestsPerSecond: median(ours.map((r) => r.requestsPerSecond)),
      stockRequestsPerSecond: median(stock.map((r) => r.requestsPerSecond)),
      oneProcess: median(product.map((r) => r.cpuMsPerRequest.product)),
      oneProcessLegacyCallsPerRequest: median(product.map((r) => r.legacyCallsPerRequest)),
      oneProcessRequestsPerSecond: median(product.map((r) => r.requestsPerSecond)),
      allocatedKiB: { simulators: kib('simulators', ours), backends: kib('backends', ours), gateway: kib('gateway', ours), stock: kib('stock', stock), product: kib('product', product) },
      failures: [...ours, ...stock, ...product].reduce((sum, r) => sum + r.failures, 0),
    };
  });
}

const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const ms = (value: number) => value.toFixed(2);

/** The split results as markdown (the shape of BENCHMARKS.md's per-request CPU section). */
export function renderSplitReport(summaries: readonly SplitSummary[]): string {
  const cpu = table(
    ['ms CPU per request', 'simulators (harness)', 'adapters + subgraphs', 'gateway', 'product total', 'stock gateway', 'gateway ours/stock', 'legacy calls/request (ours / stock)', 'req/s (ours / stock)', 'failures'],
    summaries.map((s) => [
      s.workload,
      ms(s.simulators),
      ms(s.backends),
      ms(s.gateway),
      `**${ms(s.productTotal)}**`,
      ms(s.stockGateway),
      `${s.gatewayRatio.toFixed(2)}x`,
      `${s.legacyCallsPerRequest.toFixed(2)} / ${s.stockLegacyCallsPerRequest.toFixed(2)}`,
      `${s.requestsPerSecond.toFixed(1)} / ${s.stockRequestsPerSecond.toFixed(1)}`,
      String(s.failures),
    ]),
  );
  const oneProcess = table(
    // The stock gateway's CPU is a yardstick measured in the same invocation that no change of
    // ours moves: the same commit measured 1.6x slower on a slow day (BENCHMARKS.md), the ratio
    // to the stock gateway is what compares across days.
    ['whole product in one process (as npm start runs it)', 'ms CPU per request', 'vs split product total', 'vs stock gateway', 'legacy calls/request', 'req/s'],
    summaries.map((s) => [
      s.workload,
      `**${ms(s.oneProcess)}**`,
      `${(s.oneProcess / s.productTotal).toFixed(2)}x`,
      `${(s.oneProcess / s.stockGateway).toFixed(2)}x`,
      s.oneProcessLegacyCallsPerRequest.toFixed(2),
      s.oneProcessRequestsPerSecond.toFixed(1),
    ]),
  );
  const allocation = table(
    ['KiB allocated per request (V8 heap, main thread)', 'simulators', 'adapters + subgraphs', 'gateway', 'stock gateway', 'one-process product'],
    summaries.map((s) => [s.workload, ...GROUPS.map((g) => s.allocatedKiB[g].toFixed(0))]),
  );
  const backendsNote = summaries.map((s) => `${s.workload} ${ms(s.backendsUnderStock)}`).join(', ');
  return [cpu, '', oneProcess, '', allocation, '', `Adapters + subgraphs CPU ms per request while the stock gateway drove them: ${backendsNote}.`].join('\n');
}

import { perSystem } from '../../systems/registry';
import type { LegacyCalls } from '../legacyCallCounter';
import { renderSplitReport, summariseSplit, type SplitRun } from './splitReport';

const calls: LegacyCalls = { ...perSystem(() => 0), CORE_BANKING: 4, CARDS: 2, ERP: 2, CALL_CENTER: 2, total: 10 };

function run(gateway: SplitRun['gateway'], cpu: [number, number, number, number, number], legacy: number): SplitRun {
  const [simulators, backends, ours, stock, product] = cpu;
  return {
    workload: 'customer360',
    gateway,
    requestsPerSecond: 50,
    completed: 500,
    cpuMsPerRequest: { simulators, backends, gateway: ours, stock, product },
    allocatedBytesPerRequest: { simulators: 1024, backends: 10 * 1024, gateway: 4 * 1024, stock: 3 * 1024, product: 2 * 1024 },
    legacyCallsPerRequest: legacy,
    legacyCalls: calls,
    failures: 0,
  };
}

describe('the split report', () => {
  const runs = [
    run('ours', [1.5, 9, 6, 0.01, 0.01], 8.8),
    run('stock', [1.6, 9.2, 0.02, 5.5, 0.01], 8.9),
    run('product', [1.6, 0.01, 0.02, 0.01, 5], 8.9),
    run('ours', [1.7, 10, 5, 0.01, 0.01], 8.9),
    run('stock', [1.7, 9.4, 0.02, 6.5, 0.01], 8.9),
    run('product', [1.6, 0.01, 0.02, 0.01, 4], 8.8),
    run('ours', [1.9, 11, 7, 0.01, 0.01], 9.0),
    run('stock', [1.8, 9.6, 0.02, 6, 0.01], 8.7),
    run('product', [1.6, 0.01, 0.02, 0.01, 6], 9.1),
  ];

  it('takes medians per group and the product total per run (gateway + backends, simulators excluded)', () => {
    const [summary] = summariseSplit(runs);
    expect(summary).toMatchObject({ workload: 'customer360', runs: 3, simulators: 1.7, backends: 10, gateway: 6, stockGateway: 6, backendsUnderStock: 9.4, legacyCallsPerRequest: 8.9, stockLegacyCallsPerRequest: 8.9 });
    // Runs: 15, 15, 18 -> 15 (the sum of the medians would be 16).
    expect(summary.productTotal).toBe(15);
    expect(summary.gatewayRatio).toBe(1);
    expect(summary.allocatedKiB).toEqual({ simulators: 1, backends: 10, gateway: 4, stock: 3, product: 2 });
    // The one-process product's own runs only: 5, 4, 6 -> 5; legacy 8.9, 8.8, 9.1 -> 8.9.
    expect(summary).toMatchObject({ oneProcess: 5, oneProcessLegacyCallsPerRequest: 8.9, oneProcessRequestsPerSecond: 50 });
  });

  it('renders a row per workload with the ratio ours/stock', () => {
    const text = renderSplitReport(summariseSplit(runs));
    expect(text).toContain('| customer360 | 1.70 | 10.00 | 6.00 | **15.00** | 6.00 | 1.00x | 8.90 / 8.90 | 50.0 / 50.0 | 0 |');
    expect(text).toContain('| customer360 | 1 | 10 | 4 | 3 | 2 |');
    // 5 ms in one process against 15 ms split: a third; against the stock gateway's 6 ms: 0.83x.
    expect(text).toContain('| customer360 | **5.00** | 0.33x | 0.83x | 8.90 | 50.0 |');
  });
});

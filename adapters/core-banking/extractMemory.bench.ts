/**
 * Memory and throughput of the core-banking bulk extract through the adapter.
 *
 *   npx tsx adapters/core-banking/extractMemory.bench.ts --persons 1000000
 *
 * Starts the simulator in this process with an extract source that makes synthetic customer
 * records on the fly (nothing is held: the file "on disk" is a generator), reads the whole
 * extract through `createCoreBankingAdapter().extractParties()` and prints records/s and the
 * peak `heapUsed`. Simulator and adapter share this heap, so the figure is an upper bound for
 * the adapter alone. Exits non-zero if the count is wrong or the peak exceeds --max-heap-mb.
 */

import { parseArgs } from 'node:util';
import type { CoreBankingCustomerRecord } from '../../simulators/dataset/records';
import { startCoreBankingSimulator } from '../../simulators/core-banking/coreBankingSimulator';
import { defaultSystemConfig } from '../kit';
import { createCoreBankingAdapter } from './coreBankingAdapter';

const GIVEN = ['Olivia', 'Noah', 'Amelia', 'George', 'Isla', 'Arthur', 'Zoë', 'Oliver', 'Freya', 'Muhammad'];
const FAMILY = ['Smith', 'Jones', 'Taylor', 'Brown', 'Müller', "O'Neill", 'Patel', 'Wilson', 'Evans', 'Thomas'];
const CITIES = ['London', 'Leeds', 'Manchester', 'Bristol', 'Glasgow', 'Cardiff'];

/** A synthetic customer; deterministic in `n`, so runs are comparable. */
function syntheticCustomer(n: number): CoreBankingCustomerRecord {
  const given = GIVEN[n % GIVEN.length];
  const family = FAMILY[(n * 7) % FAMILY.length];
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  return {
    cif: String(n).padStart(10, '0'),
    givenName: given,
    familyName: family,
    birthDate: n % 50 === 0 ? null : `19${50 + (n % 50)}-${month}-${day}`,
    nationalId: n % 20 === 0 ? null : `QQ${String(n % 1_000_000).padStart(6, '0')}C`,
    addressLine1: `${(n % 200) + 1} ${family} Road`,
    addressLine2: n % 3 === 0 ? `Flat ${n % 40}` : null,
    city: CITIES[n % CITIES.length],
    postalCode: `LS${n % 30} ${n % 9}AB`,
    country: 'GB',
    phone: `+4477009${String(n % 100_000).padStart(5, '0')}`,
    email: `${given}.${family}${n}@example.com`.toLowerCase(),
    incomeMinor: n % 10 === 0 ? null : (n % 90_000) * 100 + 1_500_000,
    changedAt: new Date(Date.UTC(2026, 0, 1) + (n % 30_000_000) * 1000).toISOString(),
    accounts: [],
  };
}

async function* syntheticExtract(persons: number): AsyncGenerator<CoreBankingCustomerRecord> {
  for (let n = 1; n <= persons; n++) yield syntheticCustomer(n);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { persons: { type: 'string', default: '200000' }, 'max-heap-mb': { type: 'string', default: '300' } },
  });
  const persons = Number(values.persons);
  const maxHeapMb = Number(values['max-heap-mb']);
  if (!Number.isInteger(persons) || persons < 1) throw new Error('--persons must be a positive integer');

  const sim = await startCoreBankingSimulator({ records: [], extractSource: () => syntheticExtract(persons) });
  const adapter = createCoreBankingAdapter({ ...defaultSystemConfig('CORE_BANKING', sim.url), timeoutMs: 10_000 });

  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 25);
  const started = performance.now();
  let count = 0;
  try {
    for await (const party of adapter.extractParties()) {
      count += 1;
      if (party.localId.length !== 10) throw new Error('unexpected party');
      if (count % 10_000 === 0) sample();
    }
  } finally {
    clearInterval(sampler);
    adapter.close();
    await sim.close();
  }
  sample();
  const seconds = (performance.now() - started) / 1000;
  const peakMb = peak / 1024 / 1024;
  console.log(
    JSON.stringify({
      persons,
      records: count,
      seconds: Number(seconds.toFixed(1)),
      recordsPerSecond: Math.round(count / seconds),
      peakHeapUsedMb: Number(peakMb.toFixed(1)),
      node: process.version,
    }),
  );
  if (count !== persons) throw new Error(`read ${count} records, expected ${persons}`);
  if (peakMb > maxHeapMb) throw new Error(`peak heapUsed ${peakMb.toFixed(1)} MB exceeds ${maxHeapMb} MB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

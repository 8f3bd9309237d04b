import type { SourceSystem } from '../../adapters/canonical';
import type { RunningSimulators } from '../../simulators/startAllSimulators';
import type { CacheMode } from '../benchOptions';

/** What the split bench's product-side children (backendsMain.ts, productMain.ts) are started with. */
export interface ProductChildArgs {
  datasetDir: string;
  /**
   * The simulators running in their own process, by url only: the stack reads nothing else of
   * simulators it is given (it neither starts nor stops them); their counters and faults are
   * reached over /__admin.
   */
  simulators: RunningSimulators;
  /** The audit trail file this child writes. */
  auditPath: string;
  /** The cache state it runs in (bench/stackVariants.ts BENCH_CACHE_ENV): cold unless told. */
  cache: CacheMode;
  /** Keep the identity follower polling the change feeds, as `npm start` does (default: stopped). */
  follow: boolean;
}

/** argv: DATASET_DIR, the simulators' urls as JSON, AUDIT_PATH [, cold|warm [, follow]]; throws the usage line otherwise. */
export function productChildArgs(argv: readonly string[], entry: string): ProductChildArgs {
  const [datasetDir, urlsJson, auditPath, cache = 'cold', follow] = argv;
  const usable = datasetDir && urlsJson && auditPath && (cache === 'cold' || cache === 'warm') && (follow === undefined || follow === 'follow') && argv.length <= 5;
  if (!usable) throw new Error(`usage: ${entry} DATASET_DIR SIMULATOR_URLS_JSON AUDIT_PATH [cold|warm [follow]]`);
  const urls = JSON.parse(urlsJson) as Record<SourceSystem, string>;
  const simulators = Object.fromEntries(Object.entries(urls).map(([system, url]) => [system, { url }])) as unknown as RunningSimulators;
  return { datasetDir, simulators, auditPath, cache, follow: follow === 'follow' };
}

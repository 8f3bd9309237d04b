import type { SourceSystem } from '../../adapters/canonical';
import type { RunningSimulators } from '../../simulators/startAllSimulators';

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
}

/** argv: DATASET_DIR, the simulators' urls as JSON, AUDIT_PATH; throws the usage line otherwise. */
export function productChildArgs(argv: readonly string[], entry: string): ProductChildArgs {
  const [datasetDir, urlsJson, auditPath] = argv;
  if (!datasetDir || !urlsJson || !auditPath) throw new Error(`usage: ${entry} DATASET_DIR SIMULATOR_URLS_JSON AUDIT_PATH`);
  const urls = JSON.parse(urlsJson) as Record<SourceSystem, string>;
  const simulators = Object.fromEntries(Object.entries(urls).map(([system, url]) => [system, { url }])) as unknown as RunningSimulators;
  return { datasetDir, simulators, auditPath };
}

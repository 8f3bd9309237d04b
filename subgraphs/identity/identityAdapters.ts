import { adapterModuleOf, type AdapterContext } from '../../adapters/adapterModules';
import { SOURCE_SYSTEMS } from '../../adapters/canonical';
import { systemConfigFromEnv } from '../../adapters/kit/config';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';

/**
 * Every registered system's adapter as identity reads them (extracts, change feeds, changed
 * records), configured by `<SYSTEM>_URL` etc. `context.database` is identity's own store: an
 * adapter that keeps a store of its own (a file-drop system) keeps it there instead of opening a
 * second database per process.
 */
export function identityAdaptersFromEnv(env: NodeJS.ProcessEnv = process.env, context: AdapterContext = {}): SourceAdapter[] {
  return SOURCE_SYSTEMS.map((system) => adapterModuleOf(system).create(systemConfigFromEnv(system, env), context));
}

/**
 * Waits for every adapter over a store of its own to have ingested and loaded it. Called before
 * identity's initial load, which holds the embedded database's only session while it extracts:
 * an ingest started lazily during that load would wait for the session for ever.
 */
export async function adaptersReady(adapters: readonly SourceAdapter[]): Promise<void> {
  await Promise.all(adapters.map((adapter) => adapter.ready?.()));
}

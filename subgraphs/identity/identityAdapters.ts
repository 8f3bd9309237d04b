import { adapterModuleOf } from '../../adapters/adapterModules';
import { SOURCE_SYSTEMS } from '../../adapters/canonical';
import { systemConfigFromEnv } from '../../adapters/kit/config';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';

/** Every registered system's adapter as identity reads them (extracts, change feeds, changed records), configured by `<SYSTEM>_URL` etc. */
export function identityAdaptersFromEnv(env: NodeJS.ProcessEnv = process.env): SourceAdapter[] {
  return SOURCE_SYSTEMS.map((system) => adapterModuleOf(system).create(systemConfigFromEnv(system, env)));
}

/**
 * Each system's adapter, as the product wires it: how to create it and which of its reads are
 * cached. Every system's folder holds one `adapters/<slug>/adapterModule.ts` exporting
 * `adapterModule`; this loads it by the slug in its registry entry (systems/registry.ts), so the
 * stack, identity and the cache layer need no list of systems and a new system needs no edit here.
 */
import path from 'node:path';
import { systemEntry } from '../systems/registry';
import type { CacheReadSpec, WithCacheOptions } from './cache/withCache';
import type { SourceSystem } from './canonical';
import type { SystemClientConfig } from './kit/config';
import type { SourceAdapter } from './kit/sourceAdapter';

export interface AdapterModule<A extends SourceAdapter = SourceAdapter> {
  /** The adapter over the system at `config.baseUrl`. */
  create(config: SystemClientConfig): A;
  /** Its batch reads cached under entity names, and its single reads and writes (adapters/cache/withCache.ts). */
  cache: { reads: CacheReadSpec<A>; options?: WithCacheOptions<A> };
}

const loaded = new Map<SourceSystem, AdapterModule>();

/** The adapter module of a registered system (loaded once). */
export function adapterModuleOf(system: SourceSystem): AdapterModule {
  let found = loaded.get(system);
  if (!found) {
    const file = path.join(__dirname, systemEntry(system).slug, 'adapterModule');
    found = (require(file) as { adapterModule: AdapterModule }).adapterModule;
    if (!found || typeof found.create !== 'function') throw new Error(`${file} exports no adapterModule`);
    loaded.set(system, found);
  }
  return found;
}

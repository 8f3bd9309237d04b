/**
 * Each system's adapter, as the product wires it: how to create it and which of its reads are
 * cached. Every system's folder holds one `adapters/<slug>/adapterModule.ts` exporting
 * `adapterModule`; this loads it by the slug in its registry entry (systems/registry.ts), so the
 * stack, identity and the cache layer need no list of systems and a new system needs no edit here.
 */
import type { Database } from '../db/database';
import { systemModuleLoader } from '../systems/systemModules';
import type { CacheReadSpec, WithCacheOptions } from './cache/withCache';
import type { SourceSystem } from './canonical';
import type { SystemClientConfig } from './kit/config';
import type { SourceAdapter } from './kit/sourceAdapter';

/** What the stack hands every adapter beyond its client config. */
export interface AdapterContext {
  /**
   * The product's store of record, for an adapter that keeps a store of its own there (a
   * file-drop system ingests its files into its own tables). Absent when identity runs on its own.
   */
  database?: Database;
}

export interface AdapterModule<A extends SourceAdapter = SourceAdapter> {
  /** The adapter over the system at `config.baseUrl`. */
  create(config: SystemClientConfig, context?: AdapterContext): A;
  /** Its batch reads cached under entity names, and its single reads and writes (adapters/cache/withCache.ts). */
  cache: { reads: CacheReadSpec<A>; options?: WithCacheOptions<A> };
}

/** The adapter module of a registered system (loaded once). */
export const adapterModuleOf: (system: SourceSystem) => AdapterModule = systemModuleLoader<AdapterModule>(__dirname, 'adapterModule', 'create');

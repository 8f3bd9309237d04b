/**
 * Each source system's subgraph, as the stack starts it. Every system's folder holds one
 * `subgraphs/<slug>/subgraphModule.ts` exporting `subgraphModule`; this loads it by the slug in
 * its registry entry (systems/registry.ts), so the stack needs no list of systems.
 */
import path from 'node:path';
import type { SourceSystem } from '../../adapters/canonical';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';
import { systemEntry } from '../../systems/registry';
import type { RunningSubgraph } from './serveSubgraph';

export interface SystemSubgraphOptions {
  port: number;
  /**
   * The system's adapter (through the cache layer), created by the system's own adapter module
   * (adapters/<slug>/adapterModule.ts): the subgraph module may take it as its own adapter type.
   */
  adapter: SourceAdapter;
  /** Where identity answers (for subgraphs that look customers up, e.g. to book a callback). */
  identityUrl: string;
}

export interface SubgraphModule {
  start(options: SystemSubgraphOptions): Promise<RunningSubgraph>;
}

const loaded = new Map<SourceSystem, SubgraphModule>();

/** The subgraph module of a registered system (loaded once). */
export function subgraphModuleOf(system: SourceSystem): SubgraphModule {
  let found = loaded.get(system);
  if (!found) {
    const file = path.join(__dirname, '..', systemEntry(system).slug, 'subgraphModule');
    found = (require(file) as { subgraphModule: SubgraphModule }).subgraphModule;
    if (!found || typeof found.start !== 'function') throw new Error(`${file} exports no subgraphModule`);
    loaded.set(system, found);
  }
  return found;
}

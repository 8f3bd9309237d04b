/**
 * Each source system's subgraph, as the stack starts it. Every system's folder holds one
 * `subgraphs/<slug>/subgraphModule.ts` exporting `subgraphModule`; this loads it by the slug in
 * its registry entry (systems/registry.ts), so the stack needs no list of systems.
 */
import path from 'node:path';
import type { SourceSystem } from '../../adapters/canonical';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';
import { systemModuleLoader } from '../../systems/systemModules';
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

/** The subgraph module of a registered system (loaded once). */
export const subgraphModuleOf: (system: SourceSystem) => SubgraphModule = systemModuleLoader<SubgraphModule>(path.join(__dirname, '..'), 'subgraphModule', 'start');

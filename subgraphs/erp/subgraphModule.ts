import type { ErpAdapter } from '../../adapters/erp';
import type { SubgraphModule } from '../runtime/systemSubgraphs';
import { startErpSubgraph } from './service';

/** How the stack starts this subgraph (subgraphs/runtime/systemSubgraphs.ts loads it by the registry's slug). */
export const subgraphModule: SubgraphModule = {
  // The adapter is the one adapters/erp/adapterModule.ts created: this system's own.
  start: ({ port, adapter }) => startErpSubgraph({ port, adapter: adapter as ErpAdapter }),
};

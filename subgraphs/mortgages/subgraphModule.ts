import type { MortgagesAdapter } from '../../adapters/mortgages';
import type { SubgraphModule } from '../runtime/systemSubgraphs';
import { startMortgagesSubgraph } from './service';

/** How the stack starts this subgraph (subgraphs/runtime/systemSubgraphs.ts loads it by the registry's slug). */
export const subgraphModule: SubgraphModule = {
  // The adapter is the one adapters/mortgages/adapterModule.ts created: this system's own.
  start: ({ port, adapter }) => startMortgagesSubgraph({ port, adapter: adapter as MortgagesAdapter }),
};

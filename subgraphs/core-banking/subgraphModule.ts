import type { CoreBankingAdapter } from '../../adapters/core-banking';
import type { SubgraphModule } from '../runtime/systemSubgraphs';
import { startCoreBankingSubgraph } from './service';

/** How the stack starts this subgraph (subgraphs/runtime/systemSubgraphs.ts loads it by the registry's slug). */
export const subgraphModule: SubgraphModule = {
  // The adapter is the one adapters/core-banking/adapterModule.ts created: this system's own.
  start: ({ port, adapter }) => startCoreBankingSubgraph({ port, adapter: adapter as CoreBankingAdapter }),
};

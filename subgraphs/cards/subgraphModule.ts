import type { CardsAdapter } from '../../adapters/cards';
import type { SubgraphModule } from '../runtime/systemSubgraphs';
import { startCardsSubgraph } from './service';

/** How the stack starts this subgraph (subgraphs/runtime/systemSubgraphs.ts loads it by the registry's slug). */
export const subgraphModule: SubgraphModule = {
  // The adapter is the one adapters/cards/adapterModule.ts created: this system's own.
  start: ({ port, adapter }) => startCardsSubgraph({ port, adapter: adapter as CardsAdapter }),
};

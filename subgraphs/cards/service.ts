import { createCardsAdapter, createCardsLoaders, type CardsAdapter } from '../../adapters/cards';
import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { cardsResolvers, type CardsContext } from './resolvers';

/** The cards subgraph: Customer's cardholder records and cards, from the card processor. */
export function startCardsSubgraph(options: { port?: number; adapter?: CardsAdapter } = {}): Promise<RunningSubgraph> {
  const adapter = options.adapter ?? createCardsAdapter();
  return serveSubgraph<CardsContext>({
    name: 'cards',
    sdlFile: 'cards.graphql',
    resolvers: cardsResolvers,
    context: () => ({ adapter, loaders: createCardsLoaders(adapter) }),
    legacySystems: [adapter.system],
    port: options.port,
  });
}

import { createCoreBankingAdapter, createCoreBankingLoaders, type CoreBankingAdapter } from '../../adapters/core-banking';
import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { coreBankingResolvers, type CoreBankingContext } from './resolvers';

/** The core-banking subgraph: Customer's KYC'd records and accounts with transactions. */
export function startCoreBankingSubgraph(options: { port?: number; adapter?: CoreBankingAdapter } = {}): Promise<RunningSubgraph> {
  const adapter = options.adapter ?? createCoreBankingAdapter();
  return serveSubgraph<CoreBankingContext>({
    name: 'core-banking',
    sdlFile: 'core-banking.graphql',
    resolvers: coreBankingResolvers,
    context: () => ({ adapter, loaders: createCoreBankingLoaders(adapter) }),
    legacySystems: [adapter.system],
    port: options.port,
  });
}

import { createMortgagesLoaders, type MortgagesAdapter } from '../../adapters/mortgages';
import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { mortgagesResolvers, type MortgagesContext } from './resolvers';

/** The mortgages subgraph: Customer's borrower records and mortgage loans, from the adapter's ingested store. */
export function startMortgagesSubgraph(options: { port?: number; adapter: MortgagesAdapter }): Promise<RunningSubgraph> {
  const { adapter } = options;
  return serveSubgraph<MortgagesContext>({
    name: 'mortgages',
    sdlFile: 'mortgages.graphql',
    resolvers: mortgagesResolvers,
    context: () => ({ loaders: createMortgagesLoaders(adapter), adapter }),
    legacySystems: [adapter.system],
    port: options.port,
  });
}

import { createErpAdapter, createErpLoaders, type ErpAdapter } from '../../adapters/erp';
import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { erpResolvers, type ErpContext } from './resolvers';

/** The ERP subgraph: Customer's business partner records and sales orders. */
export function startErpSubgraph(options: { port?: number; adapter?: ErpAdapter } = {}): Promise<RunningSubgraph> {
  const adapter = options.adapter ?? createErpAdapter();
  return serveSubgraph<ErpContext>({
    name: 'erp',
    sdlFile: 'erp.graphql',
    resolvers: erpResolvers,
    context: () => ({ loaders: createErpLoaders(adapter) }),
    legacySystems: [adapter.system],
    port: options.port,
  });
}

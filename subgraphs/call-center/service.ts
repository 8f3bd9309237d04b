import { createCallCenterAdapter, createCallCenterLoaders, type CallCenterAdapter } from '../../adapters/call-center';
import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { identityDirectory, type CustomerDirectory } from './customerDirectory';
import { callCenterResolvers, createAdvisorLoader, type CallCenterContext } from './resolvers';

/** The call-center subgraph: contacts, interactions, cases, the advisor, and callback booking. */
export function startCallCenterSubgraph(options: { port?: number; adapter?: CallCenterAdapter; directory?: CustomerDirectory; identityUrl?: string } = {}): Promise<RunningSubgraph> {
  const adapter = options.adapter ?? createCallCenterAdapter();
  const directory = options.directory ?? identityDirectory(options.identityUrl ?? process.env.SUBGRAPH_IDENTITY_URL ?? 'http://127.0.0.1:4001/graphql');
  return serveSubgraph<CallCenterContext>({
    name: 'call-center',
    sdlFile: 'call-center.graphql',
    resolvers: callCenterResolvers,
    context: () => ({ adapter, loaders: createCallCenterLoaders(adapter), advisors: createAdvisorLoader(adapter), directory }),
    legacySystems: [adapter.system],
    port: options.port,
  });
}

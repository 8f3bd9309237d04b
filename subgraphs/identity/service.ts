import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import type { IdentityView } from './identityView';
import { identityResolvers, type IdentityContext } from './resolvers';

/**
 * The identity subgraph. `view` is read per request so identity resolution can swap in a new
 * crosswalk (after incremental matching or a steward decision) without a restart.
 */
export function startIdentitySubgraph(options: { port?: number; view: () => IdentityView }): Promise<RunningSubgraph> {
  return serveSubgraph<IdentityContext>({
    name: 'identity',
    sdlFile: 'identity.graphql',
    resolvers: identityResolvers,
    context: () => ({ view: options.view() }),
    port: options.port,
  });
}

import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { createIdentityLoaders } from './identityLoaders';
import type { IdentityService } from './identityService';
import { identityResolvers, type IdentityContext } from './resolvers';

/**
 * The identity subgraph: answers from the store of record (every replica reads the same
 * database), with per-request batch loaders.
 */
export function startIdentitySubgraph(options: { port?: number; host?: string; service: IdentityService }): Promise<RunningSubgraph> {
  return serveSubgraph<IdentityContext>({
    name: 'identity',
    sdlFile: 'identity.graphql',
    resolvers: identityResolvers,
    context: ({ headers }) => ({
      service: options.service,
      db: options.service.db,
      loaders: createIdentityLoaders(options.service.db),
      // The gateway forwards the authenticated principal; a steward decision records it.
      principal: typeof headers['x-principal'] === 'string' ? headers['x-principal'] : 'unknown',
    }),
    port: options.port,
    host: options.host,
  });
}

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
    context: ({ principal }) => ({
      service: options.service,
      db: options.service.db,
      loaders: createIdentityLoaders(options.service.db),
      // Who the gateway's signed call is for (never a header a caller could set); a steward
      // decision records it. 'unknown' only when the gateway runs with authentication off (development).
      principal: principal?.subject ?? 'unknown',
    }),
    port: options.port,
    host: options.host,
  });
}

import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import type { IdentityService } from './identityService';
import { identityResolvers, type IdentityContext } from './resolvers';

/**
 * The identity subgraph. The view is read once per request, so identity resolution can swap in
 * a new crosswalk (after incremental matching or a steward decision) without a restart, and a
 * request never sees half of a change.
 */
export function startIdentitySubgraph(options: { port?: number; service: IdentityService }): Promise<RunningSubgraph> {
  return serveSubgraph<IdentityContext>({
    name: 'identity',
    sdlFile: 'identity.graphql',
    resolvers: identityResolvers,
    context: ({ principal }) => ({
      view: options.service.view(),
      service: options.service,
      // Who the gateway's signed call is for (never a header a caller could set); a steward
      // decision records it. 'unknown' only when the gateway runs with authentication off (development).
      principal: principal?.subject ?? 'unknown',
    }),
    port: options.port,
  });
}

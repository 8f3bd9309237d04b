import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { profileResolvers } from './resolvers';

/** The profile subgraph: the golden profile, pure computation over the system records. */
export function startProfileSubgraph(options: { port?: number } = {}): Promise<RunningSubgraph> {
  return serveSubgraph({ name: 'profile', sdlFile: 'profile.graphql', resolvers: profileResolvers, context: () => ({}), port: options.port });
}

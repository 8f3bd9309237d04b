import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

export interface PlainGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * The yardstick: a stock ApolloGateway on Apollo Server's standalone server, over the same
 * supergraph file and the same running subgraphs as ours, with no plugins, no custom data
 * source and no request hooks. Whatever ours costs above this is the price of our features.
 *
 * `subgraphUrls` maps subgraph name to url; the supergraph's baked-in urls are the documented
 * default ports, which the bench's free-port stack does not use.
 */
export async function startPlainGateway(supergraphPath: string, subgraphUrls: Record<string, string>): Promise<PlainGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: subgraphUrls[name] ?? url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}

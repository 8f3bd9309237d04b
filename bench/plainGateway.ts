import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createCallSigner, SIGNATURE_HEADER } from '../subgraphs/runtime/callSignature';

export interface PlainGateway {
  url: string;
  close(): Promise<void>;
}

/** Who the plain gateway's calls are for: the bench's own caller (an auditor reads every field class). */
const BENCH_PRINCIPAL = { subject: 'bench', roles: ['auditor'] };

/**
 * The stock data source, whose stock fetcher (make-fetch-happen) gets one header more: the
 * signature our subgraphs require of every call (subgraphs/runtime/callSignature.ts). Without
 * it the yardstick would measure 401s.
 */
function signedStockDataSource(name: string, url: string | undefined): RemoteGraphQLDataSource {
  const source = new RemoteGraphQLDataSource({ url });
  const stockFetch = source.fetcher;
  const sign = createCallSigner();
  source.fetcher = (async (target: string, init: { body?: unknown; headers?: Record<string, string> }) =>
    stockFetch(target, {
      ...init,
      headers: { ...init.headers, [SIGNATURE_HEADER]: await sign({ audience: name, body: String(init.body ?? ''), principal: BENCH_PRINCIPAL }) },
    } as Parameters<typeof stockFetch>[1])) as typeof stockFetch;
  return source;
}

/**
 * The yardstick: a stock ApolloGateway on Apollo Server's standalone server, over the same
 * supergraph file and the same running subgraphs as ours, with no plugins and no request hooks;
 * its only addition is the call signature subgraphs require (signedStockDataSource). Whatever
 * ours costs above this is the price of our features.
 *
 * `subgraphUrls` maps subgraph name to url; the supergraph's baked-in urls are the documented
 * default ports, which the bench's free-port stack does not use.
 */
export async function startPlainGateway(supergraphPath: string, subgraphUrls: Record<string, string>): Promise<PlainGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name, url }) => signedStockDataSource(name, subgraphUrls[name] ?? url),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}

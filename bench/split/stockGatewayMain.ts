/**
 * The yardstick process of `npm run bench -- --split`: a stock @apollo/gateway (../plainGateway.ts)
 * over the subgraphs whose urls are argv[2] (JSON `{ name: url }`). Announces one JSON line (benchChild.announceReady)
 * `{ url }` when it serves; SIGTERM stops it.
 */
import path from 'node:path';
import { startPlainGateway } from '../plainGateway';
import { announceReady } from './benchChild';

async function main(): Promise<void> {
  const urlsJson = process.argv[2];
  if (!urlsJson) throw new Error('usage: stockGatewayMain.ts SUBGRAPH_URLS_JSON');
  const gateway = await startPlainGateway(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), JSON.parse(urlsJson) as Record<string, string>);
  announceReady({ url: gateway.url });
  process.once('SIGTERM', () => {
    gateway.close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`split stock gateway failed: ${error.message}`);
  process.exit(1);
});

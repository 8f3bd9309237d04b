/**
 * The yardstick process of `npm run bench -- --split`: a stock @apollo/gateway (../plainGateway.ts)
 * over the subgraphs whose urls are argv[2] (JSON `{ name: url }`). Announces one JSON line (benchChild.announceReady)
 * `{ url }` when it serves; SIGTERM stops it.
 */
import path from 'node:path';
import { startPlainGateway } from '../plainGateway';
import { announceReady } from './benchChild';

// The stock fetcher's HTTP agent (agent-base, under make-fetch-happen) reads `new Error().stack`
// on every call to tell http from https. tsx, which runs this file, turns on Node's source-mapped
// stack traces for the process, which about doubles what formatting that stack costs (a 9-frame
// stack: ~36 against ~17 us, Node 20, 2026-12-08). With one to three such stacks per subgraph call
// (the agent's protocol and defaultPort getters) and ~9 calls, that is 4 to 12% of this process's
// CPU per customer360 (13% of it in a CPU profile).
// That is the bench harness's cost, not a stock gateway's (it runs as plain JavaScript): off here.
// Ours formats no stack per request (BENCHMARKS.md, "A fair yardstick").
process.setSourceMapsEnabled(false);

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

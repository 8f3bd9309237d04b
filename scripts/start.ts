/**
 * `npm start`: the whole product on one machine with in-memory stores: the four legacy
 * simulators over the default population (generated into data/dataset on first run), the six
 * subgraphs and the gateway. Prints the endpoint and a sample query; Ctrl-C stops everything.
 */
import path from 'node:path';
import { ensureDataset } from '../simulators/dataset/ensureDataset';
import { startStack } from '../stack/startStack';

async function main(): Promise<void> {
  const started = Date.now();
  const dir = process.env.DATASET_DIR ?? path.join(__dirname, '..', 'data', 'dataset');
  const dataset = await ensureDataset(dir, {});
  const stack = await startStack({ dataset });
  const sample = stack.gateway.url;
  const firstCustomer = await firstCustomerId(sample);
  console.log(`
Unified View is up in ${((Date.now() - started) / 1000).toFixed(1)} s.

  GraphQL endpoint   ${stack.gateway.url}
  health / ready     ${stack.gateway.url.replace('/graphql', '/health')}  ${stack.gateway.url.replace('/graphql', '/ready')}
  simulators         ${Object.entries(stack.simulators).filter(([, s]) => typeof s === 'object').map(([name, s]) => `${name} ${(s as { url: string }).url}`).join(', ')}

Try the reference operation (schema/operations/customer360.graphql):

  curl -s ${stack.gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"query($id: ID!){ customer(id: $id){ id profile { fullName { value source { system } conflict } } accounts { accountNumber balance { amount currency } } cards { maskedPan } } }","variables":{"id":"${firstCustomer ?? 'cust_...'}"}}'

Ctrl-C stops every process this started.
`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping...');
    stack.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function firstCustomerId(url: string): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ customers(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { data?: { customers?: { edges?: Array<{ node: { id: string } }> } } };
  return body.data?.customers?.edges?.[0]?.node.id ?? null;
}

main().catch((error: Error) => {
  console.error(`start failed: ${error.message}`);
  process.exit(1);
});

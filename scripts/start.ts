/**
 * `npm start`: the whole product on one machine with in-memory stores: the four legacy
 * simulators over the default population (generated into data/dataset on first run), the six
 * subgraphs and the gateway. Prints the endpoint and a sample query; Ctrl-C stops everything.
 */
import path from 'node:path';
import { ensureDataset } from '../simulators/dataset/ensureDataset';
import { securityOptionsFromEnv } from '../gateway/auth/securityOptions';
import { DEV_SECRET_PATH } from '../gateway/auth/devSecret';
import { mintToken } from '../gateway/auth/mintToken';
import { startStack } from '../stack/startStack';

async function main(): Promise<void> {
  const started = Date.now();
  const dir = process.env.DATASET_DIR ?? path.join(__dirname, '..', 'data', 'dataset');
  const dataset = await ensureDataset(dir, {});
  // Development: with no AUTH_* key configured, tokens are signed with a secret generated once
  // into data/dev-auth-secret, which `npm run token` uses too. Production refuses to start without keys.
  const production = process.env.NODE_ENV === 'production';
  const security = securityOptionsFromEnv(process.env, { production, devSecretPath: production ? undefined : DEV_SECRET_PATH });
  const stack = await startStack({ dataset, security, production });
  const sample = stack.gateway.url;
  const probeToken = security.auth?.hs256Secret
    ? await mintToken({ secret: security.auth.hs256Secret, roles: ['integration'], subject: 'npm-start', ttl: 60, issuer: security.auth.issuer, audience: security.auth.audience })
    : undefined;
  const firstCustomer = await firstCustomerId(sample, probeToken);
  console.log(`
Unified View is up in ${((Date.now() - started) / 1000).toFixed(1)} s.

  GraphQL endpoint   ${stack.gateway.url}
  health / ready     ${stack.gateway.url.replace('/graphql', '/health')}  ${stack.gateway.url.replace('/graphql', '/ready')}
  simulators         ${Object.entries(stack.simulators).filter(([, s]) => typeof s === 'object').map(([name, s]) => `${name} ${(s as { url: string }).url}`).join(', ')}

Every /graphql request needs a bearer token; mint one (roles: teller, mobile-app, call-center-agent,
relationship-manager, auditor, data-steward, integration):

  TOKEN=$(npm run --silent token -- --role auditor --sub alice --channel back-office --ttl 1h)

Try the reference operation (schema/operations/customer360.graphql):

  curl -s ${stack.gateway.url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
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

async function firstCustomerId(url: string, token: string | undefined): Promise<string | null> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ customers(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { data?: { customers?: { edges?: Array<{ node: { id: string } }> } } };
  return body.data?.customers?.edges?.[0]?.node.id ?? null;
}

main().catch((error: Error) => {
  console.error(`start failed: ${error.message}`);
  process.exit(1);
});

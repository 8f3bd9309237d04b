/**
 * `npm start`: the whole product on one machine: the four legacy simulators over the default
 * population (generated into data/dataset on first run), the subgraphs and the gateway, over the
 * store of record (DATABASE_URL, else embedded PGlite in data/pglite). Prints the endpoint and a
 * sample query; Ctrl-C stops everything.
 */
import path from 'node:path';
import { Command } from 'commander';
import { buildConsole } from '../console/buildConsole';
import { ensureDataset } from '../simulators/dataset/ensureDataset';
import { securityOptionsFromEnv } from '../gateway/auth/securityOptions';
import { DEV_SECRET_PATH } from '../gateway/auth/devSecret';
import { mintToken } from '../gateway/auth/mintToken';
import { loadOrCreateDevSecret } from '../gateway/auth/devSecret';
import { startGatewayWorkers } from '../gateway/gatewayWorkers';
import { serveAuditStoreToWorkers } from '../gateway/audit/postgresAuditStoreIpc';
import { startBackends, startStack } from '../stack/startStack';

new Command('npm start --')
  .description(
    'Run the whole product on this machine: simulators, subgraphs and the gateway (prints the endpoint).\n' +
      'Configured by the environment (PORT, DATABASE_URL, REDIS_URL, NODE_ENV, LOG_LEVEL, ...): see docs/configuration.md.',
  )
  .showHelpAfterError()
  .parse();

async function main(): Promise<void> {
  const started = Date.now();
  // The console is rebuilt only when its sources changed (console/buildFingerprint.ts).
  if ((await buildConsole()).built) console.log('console built into console/dist');
  const dir = process.env.DATASET_DIR ?? path.join(__dirname, '..', 'data', 'dataset');
  const dataset = await ensureDataset(dir, {});
  // Development: with no AUTH_* key configured, tokens are signed with a secret generated once
  // into data/dev-auth-secret, which `npm run token` uses too. Production refuses to start without keys.
  const production = process.env.NODE_ENV === 'production';
  const security = securityOptionsFromEnv(process.env, { production, devSecretPath: production ? undefined : DEV_SECRET_PATH });
  const workers = Number(process.env.GATEWAY_WORKERS ?? 0);
  // STACK_PORTS=free: every simulator, subgraph and the gateway on a port the OS picks (tests,
  // several stacks on one machine); the endpoint printed below is the one to use.
  const ports = process.env.STACK_PORTS === 'free' ? 'free' : 'default';
  const { url, simulatorUrls, database, close } = workers > 0 ? await withWorkers(workers) : await inProcess();
  const sample = url;
  const probeToken = security.auth?.hs256Secret
    ? await mintToken({ secret: security.auth.hs256Secret, roles: ['integration'], subject: 'npm-start', ttl: 60, issuer: security.auth.issuer, audience: security.auth.audience })
    : undefined;
  const firstCustomer = await firstCustomerId(sample, probeToken);
  console.log(`
Unified View is up in ${((Date.now() - started) / 1000).toFixed(1)} s.

  GraphQL endpoint   ${url}${workers > 0 ? `  (${workers} gateway worker processes)` : ''}
  store of record    ${database}
  health / ready     ${url.replace('/graphql', '/health')}  ${url.replace('/graphql', '/ready')}
  console, explorer  ${url.replace('/graphql', '/console')}  ${url.replace('/graphql', '/explorer')}
  metrics            ${url.replace('/graphql', '/metrics')}
  simulators         ${simulatorUrls}

Every /graphql request needs a bearer token; mint one (roles: teller, mobile-app, call-center-agent,
relationship-manager, auditor, data-steward, integration):

  TOKEN=$(npm run --silent token -- --role auditor --sub alice --channel back-office --ttl 1h)

Try the reference operation (schema/operations/customer360.graphql):

  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"query($id: ID!){ customer(id: $id){ id profile { fullName { value source { system } conflict } } accounts { accountNumber balance { amount currency } } cards { maskedPan } } }","variables":{"id":"${firstCustomer ?? 'cust_...'}"}}'

Ctrl-C stops every process this started.
`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping...');
    close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  async function inProcess() {
    const stack = await startStack({ dataset, security, production, ports });
    return { url: stack.gateway.url, simulatorUrls: simulatorList(stack.simulators), database: describeDatabase(stack.databaseOptions), close: () => stack.close() };
  }

  /** GATEWAY_WORKERS=N: the backends here, N gateway processes in front of them on one port. */
  async function withWorkers(count: number) {
    const backends = await startBackends({ dataset, security, production, ports });
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    for (const subgraph of Object.values(backends.subgraphs)) env[`SUBGRAPH_${subgraph.name.toUpperCase().replace(/-/g, '_')}_URL`] = subgraph.url;
    // Workers verify tokens with the same development secret `npm run token` signs with.
    if (!production && !env.AUTH_HS256_SECRET && !env.AUTH_JWKS_PATH && !env.AUTH_JWKS_URL) env.AUTH_HS256_SECRET = loadOrCreateDevSecret(DEV_SECRET_PATH);
    // The embedded database is this process's alone: workers hand their audit events to it here.
    // With DATABASE_URL every worker writes to the server itself.
    const stopServingAudit = backends.database.kind === 'embedded' ? serveAuditStoreToWorkers(backends.auditStore) : () => undefined;
    const gateways = await startGatewayWorkers({ count, port: ports === 'free' ? 0 : Number(process.env.PORT ?? 4000), env });
    return {
      url: gateways.url,
      simulatorUrls: simulatorList(backends.simulators),
      database: describeDatabase(backends.databaseOptions),
      close: async () => {
        await gateways.close();
        stopServingAudit();
        await backends.close();
      },
    };
  }
}

function describeDatabase(options: { url?: string; dataDir?: string }): string {
  if (options.url) return `PostgreSQL (DATABASE_URL, ${new URL(options.url).host})`;
  return `embedded PGlite in ${path.relative(process.cwd(), options.dataDir ?? '') || options.dataDir}`;
}

function simulatorList(simulators: object): string {
  return Object.entries(simulators)
    .filter(([, s]) => typeof s === 'object')
    .map(([name, s]) => `${name} ${(s as { url: string }).url}`)
    .join(', ');
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

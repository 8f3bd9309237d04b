import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { createGateway, type GatewayHandle } from '../../gateway/createGateway';
import { defaultGatewayPlugins } from '../../gateway/plugins';
import { DEFAULT_ABUSE_LIMITS } from '../../gateway/plugins/useAbuseLimits';
import { TEST_AUTH_SECRET, testSecurityOptions } from '../support/testAuth';
import { post, securityToken, SECURITY_AUDIENCE, SECURITY_ISSUER, type RawResponse } from './support/productionStack';

/**
 * Cheap refusal of abuse, against a production gateway over the product's supergraph with real
 * keys. No subgraph runs: every refusal here happens before planning, which is the point (a
 * subgraph call would fail the request differently).
 */
const REQUEST_TIMEOUT_MS = 600;

/** A syntactically valid document of about `bytes` bytes, three bytes per token (`a1 a2 ...`). */
function tokenBomb(bytes: number): string {
  const body = 'ab '.repeat(Math.floor((bytes - 4) / 3));
  return `{ ${body}}`;
}

interface Abuse {
  abuse: string;
  body: () => unknown;
  status: number;
  code: string;
  message?: RegExp;
}

const ABUSES: Abuse[] = [
  { abuse: 'a 1 MB document of about 330k tokens (refused by the parser at the limit)', body: () => ({ query: tokenBomb(1_000_000) }), status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /Document contains more tha[nt] 2000 tokens/ },
  { abuse: 'a document past the token limit hidden in a persisted query registration', body: () => ({ query: tokenBomb(50_000), extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(tokenBomb(50_000)).digest('hex') } } }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { abuse: 'a body over 1 MiB', body: () => ({ query: `{ __typename }${' '.repeat(1_100_000)}` }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { abuse: 'an alias bomb', body: () => ({ query: `{ ${Array.from({ length: 40 }, (_, i) => `c${i}: customers(first: 100) { totalCount }`).join(' ')} }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Aliases limit of 15 exceeded/ },
  { abuse: 'a directive bomb', body: () => ({ query: `{ customers(first: 1) { totalCount ${'@include(if: true) '.repeat(60)} } }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Directives limit of 50 exceeded/ },
  { abuse: 'a cost bomb (wide and deep pages)', body: () => ({ query: `{ ${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((k) => `${k}: customers(first: 100) { edges { node { accounts { transactions(first: 100) { edges { node { amount { amount currency } } } } } cards { transactions(first: 100) { edges { node { amount { amount currency } } } } } } } }`).join(' ')} }` }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Query Cost limit of 100000 exceeded/ },
  { abuse: 'a batch of operations', body: () => [{ query: '{ customers(first: 1) { totalCount } }' }, { query: '{ customers(first: 2) { totalCount } }' }], status: 400, code: 'BAD_REQUEST' },
];

describe('abuse limits (production gateway, real keys)', () => {
  let gateway: GatewayHandle;
  let headers: Record<string, string>;
  beforeAll(async () => {
    gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
      // Production needs a subgraph signing key; nothing here reaches a subgraph.
      env: { SUBGRAPH_SIGNING_KEY: 'abuse-limits-test-subgraph-key-0123456789' },
      production: true,
      logger: pino({ level: 'silent' }),
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      plugins: defaultGatewayPlugins({
        security: testSecurityOptions({ auth: { hs256Secret: TEST_AUTH_SECRET, issuer: SECURITY_ISSUER, audience: SECURITY_AUDIENCE }, limits: DEFAULT_ABUSE_LIMITS }),
        // Nothing here reaches a customer; keep the repository's audit files out of it.
        audit: false,
        safelist: null,
      }),
    });
    headers = { authorization: `Bearer ${await securityToken('auditor')}` };
  });
  afterAll(() => gateway?.close());

  it.each(ABUSES.map((a) => [a.abuse, a] as const))('refuses %s before planning', async (_name, abuse) => {
    const response: RawResponse = await post(gateway.url, abuse.body(), headers);
    expect({ status: response.status, code: response.json?.errors?.[0]?.extensions?.code }).toEqual({ status: abuse.status, code: abuse.code });
    if (abuse.message) expect(response.json.errors[0].message).toMatch(abuse.message);
  });

  it('takes the socket of a client that trickles its body, at the request timeout', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let sent = 0;
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${headers.authorization}\r\nContent-Length: 100000\r\n\r\n{"query":"`,
    );
    const trickle = setInterval(() => {
      if (socket.writable) {
        socket.write(' ');
        sent += 1;
      }
    }, 20);
    socket.on('error', () => undefined);
    await closed;
    clearInterval(trickle);
    // Closed long before the 100,000 announced bytes arrived, with a 408 if anything was said.
    expect(sent).toBeLessThan(100_000);
    if (received) expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('takes the socket of a client that never finishes its headers (slowloris)', async () => {
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 20);
    await closed;
    clearInterval(trickle);
  });
});

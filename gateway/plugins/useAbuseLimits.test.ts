import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGateway, type GatewayHandle } from '../createGateway';
import { captureLogger, postGraphQL } from '../testing/testSubgraphs';
import { gatewayTestToken, GATEWAY_TEST_SECRET, startSecuredTestGateway, type SecuredTestGateway } from '../auth/testing/securedTestGateway';
import { DEFAULT_ABUSE_LIMITS, type AbuseLimits } from './useAbuseLimits';
import { defaultGatewayPlugins } from '.';

describe('useAbuseLimits (real HTTP)', () => {
  let secured: SecuredTestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    secured = await startSecuredTestGateway({ limits: { ...DEFAULT_ABUSE_LIMITS, maxDepth: 4, maxAliases: 3, maxTokens: 200 } }, { maxBodyBytes: 8192 });
    auth = { authorization: `Bearer ${await gatewayTestToken('auditor')}` };
  });
  afterAll(() => secured?.close());

  const refusalOf = async (query: string) => {
    const { status, json } = await postGraphQL(secured.gateway.url, { query }, auth);
    return { status, code: json.errors?.[0]?.extensions?.code, limit: json.errors?.[0]?.extensions?.limit, message: json.errors?.[0]?.message };
  };

  it('serves an operation within every limit', async () => {
    const { status, json } = await postGraphQL(secured.gateway.url, { query: '{ a: person(id: "1") { id name } b: person(id: "2") { id } }' }, auth);
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
  });

  it('refuses an alias bomb', async () => {
    const bomb = `{ ${Array.from({ length: 10 }, (_, i) => `p${i}: person(id: "${i}") { id }`).join(' ')} }`;
    expect(await refusalOf(bomb)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'MAX_ALIASES',
      message: expect.stringMatching(/Aliases limit of 3 exceeded, found 10/),
    });
  });

  it('refuses a document with too many tokens in the parser, without reading the rest', async () => {
    const long = `{ person(id: "1") { ${Array.from({ length: 250 }, () => 'id').join(' ')} } }`;
    // ("more that" is graphql-js 16's own spelling.)
    expect(await refusalOf(long)).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED', limit: undefined, message: expect.stringMatching(/^Syntax Error: Document contains more tha[nt] 200 tokens\. Parsing aborted\.$/) });
    // The parser stops at the limit: text past it is never read (a syntax error there goes unseen).
    const brokenTail = `{ person(id: "1") { ${Array.from({ length: 250 }, () => 'id').join(' ')} } } ) ) )`;
    expect((await refusalOf(brokenTail)).message).toMatch(/Document contains more tha[nt] 200 tokens/);
    // At the limit exactly, the document is served.
    const fits = `{ person(id: "1") { ${Array.from({ length: 190 }, () => 'id').join(' ')} } }`;
    expect((await postGraphQL(secured.gateway.url, { query: fits }, auth)).status).toBe(200);
  });

  it('refuses an oversized body with 413 and a clear error', async () => {
    const { status, json } = await postGraphQL(secured.gateway.url, { query: `{ __typename }${' '.repeat(10_000)}` }, auth);
    expect(status).toBe(413);
    expect(json.errors[0]).toEqual({ message: 'Request body is larger than 8192 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});

describe('useAbuseLimits on the product schema', () => {
  const gateways: GatewayHandle[] = [];
  let auth: Record<string, string>;
  // No subgraph runs: limits are checked before any subgraph is called, which is all this checks.
  const startGateway = async (limits: AbuseLimits) => {
    const gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
      env: {},
      production: false,
      logger: captureLogger().log,
      plugins: defaultGatewayPlugins({ security: { auth: { hs256Secret: GATEWAY_TEST_SECRET }, limits, deadlineMs: 2000 } }),
    });
    gateways.push(gateway);
    return gateway;
  };
  beforeAll(async () => {
    auth = { authorization: `Bearer ${await gatewayTestToken('auditor')}` };
  });
  afterAll(() => Promise.all(gateways.map((g) => g.close())));

  const operation = (name: string) => readFileSync(join(__dirname, '..', '..', 'schema', 'operations', `${name}.graphql`), 'utf8');

  it('lets the reference operations through the default limits', async () => {
    const gateway = await startGateway(DEFAULT_ABUSE_LIMITS);
    for (const name of ['customer360', 'customerList']) {
      const { json } = await postGraphQL(gateway.url, { query: operation(name), variables: { id: 'cust_0000000001', first: 50 } }, auth);
      const codes = (json.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
      expect({ name, codes }).toEqual({ name, codes: expect.not.arrayContaining(['GRAPHQL_VALIDATION_FAILED']) });
    }
  });

  it('refuses a query deeper than the limit, and one costlier than the limit', async () => {
    // The product schema has no cycles, so its deepest legitimate path is about the default
    // limit; a lower limit shows the refusal with the reference operation (depth 7, cost 2,266).
    const strict = await startGateway({ ...DEFAULT_ABUSE_LIMITS, maxDepth: 5, maxCost: 1000 });
    const { status, json } = await postGraphQL(strict.url, { query: operation('customer360'), variables: { id: 'cust_0000000001' } }, auth);
    expect(status).toBe(400);
    const refusals = json.errors.map((e: { message: string; extensions: Record<string, unknown> }) => ({ message: e.message, ...e.extensions }));
    expect(refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DEPTH', message: expect.stringMatching(/depth limit of 5 exceeded, found 7/) }),
        expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST', message: expect.stringMatching(/cost limit of 1000 exceeded/i) }),
      ]),
    );
  });
});

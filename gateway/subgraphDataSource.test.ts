import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { SubgraphDataSource, subgraphCallsFromEnv } from './subgraphDataSource';
import { InProcessSubgraphStopped, type InProcessAnswer, type InProcessRequest } from '../subgraphs/runtime/inProcessCall';
import type { GatewayContext } from './context';
import type { GatewayPlugin } from './plugins/gatewayPlugin';

// The data source talks to subgraphs over its own pooled client instead of the stock fetch path,
// so what the stock RemoteGraphQLDataSource did is written down here by hand and checked against
// a real HTTP server: the body sent, the errors of a non-2xx answer, the cache-control hint.

interface Answer {
  status: number;
  contentType?: string;
  cacheControl?: string;
  body: string;
  delayMs?: number;
}

interface Seen {
  body: unknown;
  headers: IncomingMessage['headers'];
}

let server: Server;
let url: string;
let answer: Answer;
let seen: Seen[];
let connections: number;

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      seen.push({ body: JSON.parse(raw), headers: request.headers });
      const send = () => {
        const headers: Record<string, string> = {};
        if (answer.contentType) headers['content-type'] = answer.contentType;
        if (answer.cacheControl) headers['cache-control'] = answer.cacheControl;
        response.writeHead(answer.status, headers).end(answer.body);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let dataSource: SubgraphDataSource;
beforeEach(() => {
  seen = [];
  connections = 0;
  answer = { status: 200, contentType: 'application/json', body: JSON.stringify({ data: { customer: { id: 'C1' } } }) };
});
afterEach(() => dataSource?.close());

const signer = async () => 'signed-token';

function build(options: { timeoutMs?: number; plugins?: GatewayPlugin[] } = {}): SubgraphDataSource {
  dataSource = new SubgraphDataSource({ name: 'profile', url, plugins: options.plugins ?? [], sign: signer, timeoutMs: options.timeoutMs });
  return dataSource;
}

function operation(restrict = jest.fn()): GraphQLDataSourceProcessOptions<GatewayContext> {
  const context = { production: false, requestId: 'req-1' } as unknown as GatewayContext;
  return {
    // The enum is declared but not exported at run time; its value is this string.
    kind: 'incoming operation',
    request: { query: 'query Q($id: ID!) { customer(id: $id) { id } }', variables: { id: 'C1' }, operationName: 'Q' },
    context,
    incomingRequestContext: { overallCachePolicy: { restrict } },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

async function failure(promise: Promise<unknown>): Promise<GraphQLError | Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('SubgraphDataSource over its pooled client', () => {
  it('POSTs the operation as JSON with the signature and the hooks\' headers, and returns the body', async () => {
    const stamp: GatewayPlugin = { name: 'stamp', willSendSubgraphRequest: ({ request }) => void request.http?.headers.set('x-request-id', 'req-1') };
    const response = await build({ plugins: [stamp] }).process(operation());
    expect(response.data).toEqual({ customer: { id: 'C1' } });
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toEqual({ query: 'query Q($id: ID!) { customer(id: $id) { id } }', variables: { id: 'C1' }, operationName: 'Q' });
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(seen[0].headers['x-gateway-signature']).toBe('signed-token');
    expect(seen[0].headers['x-request-id']).toBe('req-1');
  });

  it('reuses its connections across calls (the pool is built once, not per call)', async () => {
    const source = build();
    for (let call = 0; call < 10; call += 1) await source.process(operation());
    expect(seen).toHaveLength(10);
    // A client per call would open ten; the pool may open a second while the first is released.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it.each([
    // status, body, content type -> message, code, body kept in extensions.response
    [401, '{"errors":[{"message":"no"}]}', 'application/json', '401: Unauthorized', 'UNAUTHENTICATED', { errors: [{ message: 'no' }] }],
    [403, 'forbidden', 'text/plain', '403: Forbidden', 'FORBIDDEN', 'forbidden'],
    [500, 'boom', 'text/plain', '500: Internal Server Error', undefined, 'boom'],
    [502, '', undefined, '502: Bad Gateway', undefined, ''],
  ])('answers %i as the stock data source did: an error with status, text and body', async (status, body, contentType, message, code, keptBody) => {
    answer = { status, body, contentType };
    const error = (await failure(build().process(operation()))) as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe(message);
    expect(error.extensions.code).toBe(code);
    expect(error.extensions.response).toEqual({ url, status, statusText: message.slice(5), body: keptBody });
  });

  it('refuses a 200 answer that is not a JSON object', async () => {
    answer = { status: 200, contentType: 'text/html', body: '<html>proxy login</html>' };
    const error = await failure(build().process(operation()));
    expect(error.message).toBe('Expected JSON response body, but received: <html>proxy login</html>');
  });

  it('reports a subgraph slower than the timeout as UPSTREAM_TIMEOUT', async () => {
    answer = { ...answer, delayMs: 2000 };
    const error = (await failure(build({ timeoutMs: 100 }).process(operation()))) as GraphQLError;
    expect(error.extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toBe('Subgraph "profile" did not answer within 100 ms');
  });

  it.each([
    ['max-age=30, public', { maxAge: 30, scope: 'PUBLIC' }],
    ['private, max-age="15"', { maxAge: 15, scope: 'PRIVATE' }],
    ['no-store', { maxAge: 0 }],
    [undefined, { maxAge: 0 }],
  ])('restricts the response cache policy by the subgraph\'s Cache-Control %p', async (cacheControl, hint) => {
    answer = { ...answer, cacheControl };
    const restrict = jest.fn();
    await build().process(operation(restrict));
    expect(restrict).toHaveBeenCalledWith(hint);
  });
});

describe('SubgraphDataSource calling a subgraph this process serves', () => {
  let calls: InProcessRequest[];
  let reply: (call: InProcessRequest) => Promise<InProcessAnswer>;
  const inProcess = (call: InProcessRequest) => {
    calls.push(call);
    return reply(call);
  };
  const sign = jest.fn(async () => 'signed-token');
  beforeEach(() => {
    calls = [];
    sign.mockClear();
    reply = async () => ({ status: 200, result: { data: { customer: { id: 'C1' } } } });
  });
  const local = (options: { timeoutMs?: number; plugins?: GatewayPlugin[] } = {}) => {
    dataSource = new SubgraphDataSource({ name: 'profile', url, plugins: options.plugins ?? [], sign, timeoutMs: options.timeoutMs ?? 8000, inProcess });
    return dataSource;
  };
  const withPrincipal = (restrict = jest.fn(), signal?: AbortSignal) => {
    const options = operation(restrict);
    Object.assign(options.context, { principal: { subject: 'teller-tom', roles: ['teller'], channel: 'branch' }, ...(signal ? { signal } : {}) });
    return options;
  };

  it('hands over the operation, principal, request id and wait, with no signature and no HTTP request', async () => {
    const response = await local().process(withPrincipal());
    expect(response.data).toEqual({ customer: { id: 'C1' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      request: { query: 'query Q($id: ID!) { customer(id: $id) { id } }', variables: { id: 'C1' }, operationName: 'Q' },
      principal: { subject: 'teller-tom', roles: ['teller'], channel: 'branch' },
      requestId: 'req-1',
      waitMs: 8000,
    });
    expect(calls[0].request).not.toHaveProperty('http');
    expect(calls[0].signal.aborted).toBe(false);
    expect(sign).not.toHaveBeenCalled();
    expect(seen).toHaveLength(0);
    expect(local().transport).toBe('in-process');
    expect(build().transport).toBe('http');
  });

  it('runs the plugins\' hooks before the call, and a hook that refuses stops it', async () => {
    const refuse: GatewayPlugin = { name: 'deadline', willSendSubgraphRequest: () => { throw new GraphQLError('no time left', { extensions: { code: 'DEADLINE_EXCEEDED' } }); } };
    const error = (await failure(local({ plugins: [refuse] }).process(withPrincipal()))) as GraphQLError;
    expect(error.extensions.code).toBe('DEADLINE_EXCEEDED');
    expect(calls).toHaveLength(0);
  });

  it.each([
    // status -> the message and code the HTTP path gives for the same status (table above)
    [401, '401: Unauthorized', 'UNAUTHENTICATED'],
    [400, '400: Bad Request', undefined],
    [500, '500: Internal Server Error', undefined],
  ])('answers a %i from the subgraph as the HTTP path does', async (status, message, code) => {
    const body = { errors: [{ message: 'refused', extensions: { code: 'X' } }] };
    reply = async () => ({ status, result: body });
    const error = (await failure(local().process(withPrincipal()))) as GraphQLError;
    expect(error.message).toBe(message);
    expect(error.extensions.code).toBe(code);
    expect(error.extensions.response).toEqual({ url, status, statusText: message.slice(5), body });
  });

  it('stops waiting at the timeout (UPSTREAM_TIMEOUT) and tells the subgraph through the signal', async () => {
    reply = (call) => new Promise(() => call.signal.addEventListener('abort', () => undefined));
    const error = (await failure(local({ timeoutMs: 50 }).process(withPrincipal()))) as GraphQLError;
    expect(error.extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toBe('Subgraph "profile" did not answer within 50 ms');
    expect(calls[0].signal.aborted).toBe(true);
  });

  it('stops waiting when the client is gone (REQUEST_CANCELLED), and the subgraph is told', async () => {
    const client = new AbortController();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    reply = () => {
      started();
      return new Promise(() => undefined);
    };
    const pending = failure(local().process(withPrincipal(jest.fn(), client.signal)));
    await running;
    client.abort(Object.assign(new Error('over'), { name: 'RequestOverError' }));
    const error = (await pending) as GraphQLError;
    expect(error.extensions.code).toBe('REQUEST_CANCELLED');
    expect(calls[0].signal.aborted).toBe(true);
  });

  it('fails like a refused connection when the subgraph is stopped', async () => {
    reply = async () => {
      throw new InProcessSubgraphStopped('profile');
    };
    const error = await failure(local().process(withPrincipal()));
    expect(error).toBeInstanceOf(InProcessSubgraphStopped);
    expect((error as InProcessSubgraphStopped).code).toBe('ECONNREFUSED');
  });

  it('restricts the response cache policy as for an answer without Cache-Control', async () => {
    const restrict = jest.fn();
    await local().process(withPrincipal(restrict));
    expect(restrict).toHaveBeenCalledWith({ maxAge: 0 });
  });
});

describe('SUBGRAPH_CALLS', () => {
  it.each([
    [undefined, 'in-process'],
    ['', 'in-process'],
    ['in-process', 'in-process'],
    [' http ', 'http'],
    ['http', 'http'],
  ])('%p -> %s', (value, expected) => {
    expect(subgraphCallsFromEnv(value === undefined ? {} : { SUBGRAPH_CALLS: value })).toBe(expected);
  });

  it.each(['HTTP', 'tcp', 'inprocess', 'false'])('refuses %p (a typo must not silently pick one)', (value) => {
    expect(() => subgraphCallsFromEnv({ SUBGRAPH_CALLS: value })).toThrow('SUBGRAPH_CALLS must be "in-process" or "http"');
  });
});

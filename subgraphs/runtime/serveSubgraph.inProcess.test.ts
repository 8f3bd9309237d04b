import { startProfileSubgraph } from '../profile/service';
import { createCallSigner, SIGNATURE_HEADER } from './callSignature';
import { InProcessSubgraphStopped, type InProcessRequest } from './inProcessCall';
import type { RunningSubgraph } from './serveSubgraph';

// A subgraph called in-process must answer exactly as it answers the same call signed over HTTP:
// the HTTP answer (Apollo Server's HTTP handling, the signature check) is the reference here.

let subgraph: RunningSubgraph;
beforeAll(async () => {
  subgraph = await startProfileSubgraph({ port: 0 });
});
afterAll(() => subgraph.close());

const principal = { subject: 'teller-tom', roles: ['teller'], channel: 'branch' };

async function overHttp(request: InProcessRequest['request']): Promise<{ status: number; result: unknown }> {
  const body = JSON.stringify(request);
  const signature = await createCallSigner()({ audience: 'profile', body, principal, requestId: 'req-1', waitMs: 8000 });
  const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
  return { status: response.status, result: await response.json() };
}

async function inProcess(request: InProcessRequest['request'], call: Partial<InProcessRequest> = {}) {
  return inProcessTo(subgraph, request, call);
}

async function inProcessTo(target: RunningSubgraph, request: InProcessRequest['request'], call: Partial<InProcessRequest> = {}) {
  const answer = await target.callInProcess({ request, principal, requestId: 'req-1', waitMs: 8000, signal: new AbortController().signal, ...call });
  // What the gateway would have parsed from the wire.
  return { status: answer.status, result: JSON.parse(JSON.stringify(answer.result)) as unknown };
}

/** Development answers carry stack traces, which name the transport's own frames. */
function withoutStacks(answer: { status: number; result: unknown }): { status: number; result: unknown } {
  return JSON.parse(JSON.stringify(answer, (key, value: unknown) => (key === 'stacktrace' ? undefined : value))) as { status: number; result: unknown };
}

describe('a subgraph called in-process', () => {
  it.each<[string, InProcessRequest['request']]>([
    ['its schema', { query: '{ _service { sdl } }' }],
    ['an entity it cannot resolve from an empty representation list', { query: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [] } }],
    ['a field it does not have (validation error)', { query: '{ nope }' }],
    ['a document that does not parse', { query: '{ _service { ' }],
    ['a missing variable', { query: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }' }],
    ['an operation name that is not in the document', { query: '{ _service { sdl } }', operationName: 'Other' }],
    ['an entity of a type it does not have (a field error beside data)', { query: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Nope' }] } }],
    ['a known operation with a variable that does not coerce', { query: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: 'x' } }],
  ])('answers %s as it answers the signed HTTP call, the first time and once the operation is known', async (_name, request) => {
    const reference = withoutStacks(await overHttp(request));
    // The first call goes through Apollo Server's pipeline; a repeat of an operation it executed
    // runs from the known operations (knownOperations.ts). Both must read as the HTTP answer.
    expect(withoutStacks(await inProcess(request))).toEqual(reference);
    expect(withoutStacks(await inProcess(request))).toEqual(reference);
  });

  it('answers a repeated operation without Apollo Server’s request pipeline, once Apollo Server has executed it', async () => {
    const other = await startProfileSubgraph({ port: 0 });
    try {
      const request = { query: 'query Known { _service { sdl } }' };
      await inProcessTo(other, request);
      expect(other.answeredBy()).toEqual({ known: 0, apollo: 1, compiled: 0 });
      await inProcessTo(other, request);
      await inProcessTo(other, request);
      // The first repeat through graphql-js, the second compiled (knownOperations.ts, compileOnRun).
      expect(other.answeredBy()).toEqual({ known: 2, apollo: 1, compiled: 1 });
      // Refused by validation: never known, every time Apollo Server's.
      await inProcessTo(other, { query: '{ nope }' });
      await inProcessTo(other, { query: '{ nope }' });
      expect(other.answeredBy()).toEqual({ known: 2, apollo: 3, compiled: 1 });
    } finally {
      await other.close();
    }
  });

  it('serves its schema (the reference above is not an error on both sides)', async () => {
    const { status, result } = await inProcess({ query: '{ _service { sdl } }' });
    expect(status).toBe(200);
    expect((result as { data: { _service: { sdl: string } } }).data._service.sdl).toContain('type Customer');
  });

  it('refuses what it would refuse signed (401, UNAUTHENTICATED), and runs nothing', async () => {
    const refused = await inProcess({ query: '{ _service { sdl } }' }, { requestId: 'req 1\nX-Admin: yes' });
    expect(refused.status).toBe(401);
    expect(refused.result).toEqual({ errors: [{ message: 'subgraph call refused: malformed', extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('fails as a refused connection once the subgraph is closed', async () => {
    const other = await startProfileSubgraph({ port: 0 });
    await other.close();
    const error = await other.callInProcess({ request: { query: '{ _service { sdl } }' }, signal: new AbortController().signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InProcessSubgraphStopped);
    expect((error as InProcessSubgraphStopped).code).toBe('ECONNREFUSED');
  });
});

describe('a subgraph called over HTTP, once an operation is known', () => {
  async function raw(target: RunningSubgraph, request: InProcessRequest['request']): Promise<{ status: number; contentType: string | null; body: string }> {
    const body = JSON.stringify(request);
    const signature = await createCallSigner()({ audience: 'profile', body, principal, requestId: 'req-1', waitMs: 8000 });
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
    return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
  }

  it('answers from the known operations, written byte for byte as Apollo Server wrote the first answer', async () => {
    const other = await startProfileSubgraph({ port: 0 });
    try {
      const request = { query: 'query Known { _service { sdl } }' };
      const first = await raw(other, request);
      expect(other.answeredBy()).toEqual({ known: 0, apollo: 1, compiled: 0 });
      const second = await raw(other, request);
      expect(other.answeredBy()).toEqual({ known: 1, apollo: 1, compiled: 0 });
      expect(second).toEqual(first);
      const third = await raw(other, request);
      expect(other.answeredBy()).toEqual({ known: 2, apollo: 1, compiled: 1 });
      expect(third).toEqual(first);
      expect(first.status).toBe(200);
      expect(first.contentType).toBe('application/json; charset=utf-8');
      // A field error beside data: the same text, the same again (the stack traces name the same frames).
      const failing = { query: 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Nope' }] } };
      const firstError = await raw(other, failing);
      const secondError = await raw(other, failing);
      expect(other.answeredBy()).toEqual({ known: 3, apollo: 2, compiled: 1 });
      expect(withoutStacks({ status: secondError.status, result: JSON.parse(secondError.body) as unknown })).toEqual(withoutStacks({ status: firstError.status, result: JSON.parse(firstError.body) as unknown }));
    } finally {
      await other.close();
    }
  });
});

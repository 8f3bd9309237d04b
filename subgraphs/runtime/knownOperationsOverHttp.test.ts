import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { runInRequestScope } from '../../adapters/cache/requestScope';
import { knownOperations } from './knownOperations';
import { knownOperationsOverHttp } from './knownOperationsOverHttp';
import { answerShapesSchema as schema, greetingRuns, referenceServer } from './testing/answerShapes';

// The reference for every answer is Apollo Server 5's own HTTP handling (executeHTTPGraphQLRequest),
// configured as serveSubgraph.ts configures a subgraph: status, headers and body text as it writes them.

let server: ApolloServer;
beforeAll(async () => {
  server = await referenceServer(false);
});
afterAll(() => server.stop());

interface Written {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function apollo(body: unknown, accept: string | undefined): Promise<{ written: Written; response: HTTPGraphQLResponse }> {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  if (accept !== undefined) headers.set('accept', accept);
  const response = await runInRequestScope(() => server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context: () => Promise.resolve({}) }));
  if (response.body.kind !== 'complete') throw new Error('chunked answer');
  return { written: { status: response.status ?? 200, headers: Object.fromEntries(response.headers), body: response.body.string }, response };
}

const greeting = { query: 'query G($n: String!) { greeting(name: $n) }', variables: { n: 'Ada' } };

describe('known operations over HTTP answer as Apollo Server writes its answers', () => {
  it.each<[string, unknown, string | undefined]>([
    ['data, no Accept header', greeting, undefined],
    ['data, Accept application/json', greeting, 'application/json'],
    ['data, Accept application/graphql-response+json', greeting, 'application/graphql-response+json'],
    ['data, Accept */*', greeting, '*/*'],
    ['an operation chosen by name', { query: 'query A { greeting(name: "a") } query B { greeting(name: "b") }', operationName: 'B' }, undefined],
    ['empty extensions', { ...greeting, extensions: {} }, undefined],
    ['a field error beside data', { query: '{ codedFailure greeting(name: "x") }' }, undefined],
    ['an http extension: its status and header', { query: '{ teapot greeting(name: "x") }' }, 'application/json'],
  ])('%s', async (_name, body, accept) => {
    const calls = knownOperationsOverHttp(knownOperations(schema, { includeStacktrace: false }));
    const first = await apollo(body, accept);
    calls.learn(body, accept, first.response);
    const answer = await runInRequestScope(() => calls.answer(body, accept, () => Promise.resolve({})));
    if (first.written.status !== 200) {
      // Not learnt from an answer that is not a plain 200: the call stays Apollo Server's ...
      expect(answer).toBeUndefined();
      // ... unless the operation became known another way (an in-process call with data): then
      // the status and the header its error asks for are written as Apollo Server writes them.
      const operations = knownOperations(schema, { includeStacktrace: false });
      const other = knownOperationsOverHttp(operations);
      other.learn(greeting, accept, (await apollo(greeting, accept)).response);
      operations.learn(body as { query: string });
      const known = await runInRequestScope(() => other.answer(body, accept, () => Promise.resolve({})));
      expect(known).toEqual((await apollo(body, accept)).written);
      return;
    }
    expect(answer).toEqual((await apollo(body, accept)).written);
  });

  it.each<[string, unknown]>([
    ['a batch (an array body)', [greeting]],
    ['variables that are null', { ...greeting, variables: null }],
    ['variables as a JSON string', { ...greeting, variables: '{"n":"Ada"}' }],
    ['an operation name that is not a string', { ...greeting, operationName: 7 }],
    ['extensions that are not an object', { ...greeting, extensions: 'x' }],
    ['no query', { variables: { n: 'Ada' } }],
  ])('leaves %s to Apollo Server, even for a known operation', async (_name, body) => {
    const calls = knownOperationsOverHttp(knownOperations(schema, { includeStacktrace: false }));
    calls.learn(greeting, undefined, (await apollo(greeting, undefined)).response);
    await expect(calls.answer(greeting, undefined, () => Promise.resolve({}))).resolves.toBeDefined();
    const before = greetingRuns();
    await expect(calls.answer(body, undefined, () => Promise.resolve({}))).resolves.toBeUndefined();
    expect(greetingRuns()).toBe(before);
  });

  it('learns nothing from an answer without data, and nothing for an Accept header it has not seen answered', async () => {
    const calls = knownOperationsOverHttp(knownOperations(schema, { includeStacktrace: false }));
    const refused = { query: '{ nope }' };
    calls.learn(refused, undefined, (await apollo(refused, undefined)).response);
    await expect(calls.answer(refused, undefined, () => Promise.resolve({}))).resolves.toBeUndefined();
    calls.learn(greeting, undefined, (await apollo(greeting, undefined)).response);
    await expect(calls.answer(greeting, 'application/json', () => Promise.resolve({}))).resolves.toBeUndefined();
    await expect(calls.answer(greeting, undefined, () => Promise.resolve({}))).resolves.toBeDefined();
  });
});

import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type FormattedExecutionResult } from 'graphql';
import { runInRequestScope } from '../../adapters/cache/requestScope';
import type { InProcessRequest } from './inProcessCall';
import { knownOperations } from './knownOperations';
import { answerShapesSchema as schema, greetingRuns, referenceServer } from './testing/answerShapes';

// The reference for every answer is Apollo Server 5 itself, configured as serveSubgraph.ts
// configures a subgraph: the expected values come from the library this path stands in for.

async function apolloAnswer(includeStacktrace: boolean, request: InProcessRequest['request']): Promise<{ status: number; result: FormattedExecutionResult; headers: [string, string][] }> {
  const server = await referenceServer(includeStacktrace);
  try {
    const response = await runInRequestScope(() => server.executeOperation(request, { contextValue: {} }));
    if (response.body.kind !== 'single') throw new Error('incremental answer');
    return { status: response.http.status ?? 200, result: response.body.singleResult, headers: [...response.http.headers] };
  } finally {
    await server.stop();
  }
}

/** Both sides as the gateway reads them (JSON), stack traces compared by their first line only (the frames differ by path). */
function asRead(answer: { status: number; result: FormattedExecutionResult; headers: [string, string][] }): unknown {
  return JSON.parse(JSON.stringify(answer, (key, value: unknown) => (key === 'stacktrace' && Array.isArray(value) ? value[0] : value)));
}

describe('known operations answer as Apollo Server answers', () => {
  it.each<[string, InProcessRequest['request']]>([
    ['data only', { query: 'query G($n: String!) { greeting(name: $n) }', variables: { n: 'Ada' } }],
    ['a plain Error (no code: INTERNAL_SERVER_ERROR)', { query: '{ plainFailure greeting(name: "x") }' }],
    ['a GraphQLError with its own code and extensions', { query: '{ codedFailure }' }],
    ['an http extension (its status and header, taken off the error)', { query: '{ teapot greeting(name: "x") }' }],
    ['a null in a non-null root field (data null)', { query: '{ required }' }],
    ['a null bubbling to its parent', { query: '{ nested { required other } greeting(name: "y") }' }],
    ['the stale extension', { query: '{ stale }' }],
    ['an operation chosen by name', { query: 'query A { greeting(name: "a") } query B { greeting(name: "b") }', operationName: 'B' }],
  ])('%s, with and without stack traces', async (_name, request) => {
    for (const includeStacktrace of [false, true]) {
      const operations = knownOperations(schema, { includeStacktrace });
      operations.learn(request);
      const answer = await runInRequestScope(() => operations.run(request, {}));
      expect(answer).toBeDefined();
      expect(asRead(answer!)).toEqual(asRead(await apolloAnswer(includeStacktrace, request)));
    }
  });

  it('answers nothing for an operation Apollo Server has not executed: the caller goes to Apollo Server', async () => {
    const operations = knownOperations(schema, { includeStacktrace: false });
    const before = greetingRuns();
    await expect(operations.run({ query: '{ greeting(name: "z") }' }, {})).resolves.toBeUndefined();
    expect(greetingRuns()).toBe(before);
  });

  it('leaves to Apollo Server a known operation whose variables do not coerce (nothing ran, so nothing runs twice)', async () => {
    const request = { query: 'query G($n: String!) { greeting(name: $n) }' };
    const operations = knownOperations(schema, { includeStacktrace: false });
    operations.learn(request);
    const before = greetingRuns();
    await expect(operations.run({ ...request, variables: { n: 42 } }, {})).resolves.toBeUndefined();
    await expect(operations.run({ ...request, variables: {} }, {})).resolves.toBeUndefined();
    expect(greetingRuns()).toBe(before);
    // The reference: Apollo Server refuses both before execution.
    expect((await apolloAnswer(false, { ...request, variables: { n: 42 } })).status).toBe(400);
  });

  it('keys an operation by its name as well as its text', async () => {
    const query = 'query A { greeting(name: "a") } query B { greeting(name: "b") }';
    const operations = knownOperations(schema, { includeStacktrace: false });
    operations.learn({ query, operationName: 'A' });
    await expect(operations.run({ query, operationName: 'B' }, {})).resolves.toBeUndefined();
    expect((await operations.run({ query, operationName: 'A' }, {}))?.result.data).toEqual({ greeting: 'hello a' });
  });

  it('leaves a persisted-query call to Apollo Server (its hash is Apollo Server’s to check)', async () => {
    const request = { query: '{ greeting(name: "p") }', extensions: { persistedQuery: { version: 1, sha256Hash: 'not-the-hash' } } };
    const operations = knownOperations(schema, { includeStacktrace: false });
    operations.learn(request);
    await expect(operations.run(request, {})).resolves.toBeUndefined();
  });

  it('runs each call once, with the context it is given', async () => {
    const contextSchema = buildSubgraphSchema({
      typeDefs: parse('type Query { who: String }'),
      resolvers: { Query: { who: (_: unknown, __: unknown, context: unknown) => (context as { principal: string }).principal } },
    });
    const operations = knownOperations(contextSchema, { includeStacktrace: false });
    operations.learn({ query: '{ who }' });
    expect((await operations.run({ query: '{ who }' }, { principal: 'teller-tom' }))?.result).toEqual({ data: { who: 'teller-tom' } });
  });

  it('keeps at most its capacity of texts, the least recently used dropped', async () => {
    const operations = knownOperations(schema, { includeStacktrace: false, capacity: 2 });
    const text = (name: string) => ({ query: `{ greeting(name: "${name}") }` });
    operations.learn(text('a'));
    operations.learn(text('b'));
    await operations.run(text('a'), {});
    operations.learn(text('c'));
    await expect(operations.run(text('b'), {})).resolves.toBeUndefined();
    expect((await operations.run(text('a'), {}))?.result.data).toEqual({ greeting: 'hello a' });
    expect((await operations.run(text('c'), {}))?.result.data).toEqual({ greeting: 'hello c' });
  });
});

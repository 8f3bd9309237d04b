import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type FormattedExecutionResult } from 'graphql';
import { runInRequestScope } from '../../adapters/cache/requestScope';
import type { CompiledQuery } from 'graphql-jit';
import * as compiledExecution from './compiledExecution';
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

/**
 * Both sides as the gateway reads them (JSON). Stack traces (development only) are compared by
 * their first line without the error class: the frames differ by path, and for an error the
 * engine raises itself (a null in a non-null field) graphql-js's names `Error`, graphql-jit's
 * `GraphQLError` (knownOperations.ts says so).
 */
function asRead(answer: { status: number; result: FormattedExecutionResult; headers: [string, string][] }): unknown {
  return JSON.parse(JSON.stringify(answer, (key, value: unknown) => (key === 'stacktrace' && Array.isArray(value) ? String(value[0]).replace(/^\w+: /, '') : value)));
}

const ENTITIES = { query: 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Item { id value broken } } }', variables: { r: [{ __typename: 'Item', id: '1' }, { __typename: 'Item', id: '2' }] } };

// Each call with the engine it runs on when compiling is on, written down by hand: compiled,
// unless a string literal appears in the text (compiledExecution.ts).
const CALLS: [string, InProcessRequest['request'], 'compiled' | 'graphql-js'][] = [
  ['data only', { query: 'query G($n: String!) { greeting(name: $n) }', variables: { n: 'Ada' } }, 'compiled'],
  ['a plain Error (no code: INTERNAL_SERVER_ERROR)', { query: 'query G($n: String!) { plainFailure greeting(name: $n) }', variables: { n: 'x' } }, 'compiled'],
  ['a GraphQLError with its own code and extensions', { query: '{ codedFailure }' }, 'compiled'],
  ['an http extension (its status and header, taken off the error)', { query: 'query G($n: String!) { teapot greeting(name: $n) }', variables: { n: 'x' } }, 'compiled'],
  ['a null in a non-null root field (data null)', { query: '{ required }' }, 'compiled'],
  ['a null bubbling to its parent', { query: 'query G($n: String!) { nested { required other } greeting(name: $n) }', variables: { n: 'y' } }, 'compiled'],
  ['the stale extension', { query: '{ stale }' }, 'compiled'],
  ['an operation chosen by name', { query: 'query A($n: String!) { greeting(name: $n) } query B { mood }', operationName: 'B' }, 'compiled'],
  ['a union, with fragments, aliases and __typename', { query: '{ things { __typename ... on Person { who: name age } ...C } } fragment C on Company { name staff }' }, 'compiled'],
  ['an interface', { query: '{ named { __typename name ... on Person { age } } }' }, 'compiled'],
  ['enums with internal values, a default argument, an enum variable', { query: 'query M($m: Mood!) { mood other: mood(pick: ANGRY) moodName(mood: $m) }', variables: { m: 'ANGRY' } }, 'compiled'],
  ['a null in a nullable list and in a list of non-null items', { query: '{ listWithNull nonNullItems }' }, 'compiled'],
  ['entities by reference, one failing field among them', ENTITIES, 'compiled'],
  [
    'entities by reference, one reference failing after the others answered',
    { ...ENTITIES, variables: { r: [{ __typename: 'Item', id: 'bad' }, { __typename: 'Item', id: '2' }, { __typename: 'Item', id: '3' }] } },
    'compiled',
  ],
  ['list items in flight, two rejected (one not with an Error)', { query: '{ pending }' }, 'compiled'],
  ['promises, one rejected, an argument default', { query: '{ later laterFailure slow: later(ms: 5) }' }, 'compiled'],
  ['@include and @skip on variables', { query: 'query S($yes: Boolean!, $no: Boolean!) { a: later @include(if: $yes) b: later @skip(if: $yes) c: mood @include(if: $no) }', variables: { yes: true, no: false } }, 'compiled'],
  [
    'list and input object coercion, defaults inside an input, an inline input object',
    { query: 'query I($w: [String!]!, $one: [String!]!, $f: Filter!, $t: Int = 3) { echo(words: $w) thrice: echo(words: $w, times: $t) single: echo(words: $one) find(filter: $f) inline: find(filter: { limit: 1, moods: [CALM, ANGRY] }) }', variables: { w: ['hi', 'there'], one: 'solo', f: { name: 'x', moods: 'ANGRY' } } },
    'compiled',
  ],
  ['values a scalar refuses to serialize', { query: '{ badDate wrongType }' }, 'compiled'],
  ['a mutation, its fields in order', { query: 'mutation { a: record(step: 1) b: record(step: 2) }' }, 'compiled'],
  ['a string literal: left to graphql-js', { query: '{ greeting(name: "x") }' }, 'graphql-js'],
];

describe('known operations answer as Apollo Server answers', () => {
  it.each(CALLS)('%s, on both engines, with and without stack traces', async (_name, request, compiledEngine) => {
    for (const execution of ['compiled', 'graphql-js'] as const) {
      for (const includeStacktrace of [false, true]) {
        const operations = knownOperations(schema, { includeStacktrace, execution, compileOnRun: 1 });
        operations.learn(request);
        const answer = await runInRequestScope(() => operations.run(request, {}));
        expect(operations.engineOf(request)).toBe(execution === 'compiled' ? compiledEngine : 'graphql-js');
        expect(answer).toBeDefined();
        expect(asRead(answer!)).toEqual(asRead(await apolloAnswer(includeStacktrace, request)));
      }
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

  it('runs an operation whose compiled function threw through graphql-js from then on, without repeating the failed call', async () => {
    const broken = { query: () => Promise.reject(new Error('generated code failed')) } as unknown as CompiledQuery;
    const compile = jest.spyOn(compiledExecution, 'compileOperation').mockReturnValue(broken);
    try {
      const request = { query: 'query G($n: String!) { greeting(name: $n) }', variables: { n: 'z' } };
      const operations = knownOperations(schema, { includeStacktrace: false, compileOnRun: 1 });
      operations.learn(request);
      const before = greetingRuns();
      await expect(operations.run(request, {})).rejects.toThrow('generated code failed');
      expect(greetingRuns()).toBe(before);
      expect(operations.engineOf(request)).toBe('graphql-js');
      expect((await operations.run(request, {}))?.result.data).toEqual({ greeting: 'hello z' });
      expect((await operations.run(request, {}))?.result.data).toEqual({ greeting: 'hello z' });
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });

  it('compiles an operation at its second run from here by default: a text seen once or twice costs no compile', async () => {
    const request = { query: 'query G($n: String!) { greeting(name: $n) }', variables: { n: 'twice' } };
    const operations = knownOperations(schema, { includeStacktrace: false });
    operations.learn(request);
    await operations.run(request, {});
    expect(operations.engineOf(request)).toBe('graphql-js');
    await operations.run(request, {});
    expect(operations.engineOf(request)).toBe('compiled');
    expect(operations.answersBy()).toEqual({ compiled: 1, 'graphql-js': 1 });
  });

  it('keeps at most its capacity of compiled functions: the least recently used runs through graphql-js until compiled again', async () => {
    const a = { query: 'query A($n: String!) { greeting(name: $n) }', variables: { n: 'a' } };
    const b = { query: 'query B($n: String!) { greeting(name: $n) }', variables: { n: 'b' } };
    const operations = knownOperations(schema, { includeStacktrace: false, compileOnRun: 1, compiledCapacity: 1 });
    operations.learn(a);
    operations.learn(b);
    await operations.run(a, {});
    expect(operations.engineOf(a)).toBe('compiled');
    await operations.run(b, {});
    expect(operations.engineOf(b)).toBe('compiled');
    expect(operations.engineOf(a)).toBe('graphql-js');
    expect((await operations.run(a, {}))?.result.data).toEqual({ greeting: 'hello a' });
    expect(operations.engineOf(a)).toBe('compiled');
    expect(operations.engineOf(b)).toBe('graphql-js');
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

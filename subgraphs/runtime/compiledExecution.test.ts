import { buildSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { compileOperation, hasStringLiteral, subgraphExecutionFromEnv } from './compiledExecution';
import { knownOperations } from './knownOperations';

const schema = buildSchema(/* GraphQL */ `
  directive @tag(name: String) on FIELD
  input Filter {
    name: String
    limits: [Int]
  }
  scalar Anything
  type Query {
    echo(s: String, list: [String], filter: Filter, n: Int, flag: Boolean): String
    anything(value: Anything): String
  }
`);
/** What \`anything\` was given, each call. */
const received: unknown[] = [];
schema.getQueryType()!.getFields().anything.resolve = (_root, args: { value: unknown }) => {
  received.push(args.value);
  return 'seen';
};
// A resolver of its own: graphql-jit writes a field's arguments into the source only for a field that has one.
schema.getQueryType()!.getFields().echo.resolve = (_root, args: { s?: string }) => args.s ?? 'no s';

// graphql-jit 0.8.9 turns its own marker strings back into code after writing argument literals
// into the generated source; a literal carrying the marker runs. Every payload sets a global.
const MARKER = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
const ATTACKS: [string, string][] = [
  ['an argument', `{ echo(s: ${JSON.stringify(`${MARKER}1)+(globalThis.uvInjected=1)+(1`)}) }`],
  ['a list inside an argument', `{ echo(list: ["a", ${JSON.stringify(`${MARKER}1)+(globalThis.uvInjected=2)+(1`)}]) }`],
  ['an input object inside an argument', `{ echo(filter: { name: ${JSON.stringify(`${MARKER}1)+(globalThis.uvInjected=3)+(1`)} }) }`],
  ['a block string', `{ echo(s: """${MARKER}1)+(globalThis.uvInjected=4)+(1""") }`],
];

afterEach(() => {
  delete (globalThis as { uvInjected?: number }).uvInjected;
});

describe('compileOperation refuses what graphql-jit would run as code', () => {
  it.each(ATTACKS)('the attack works on graphql-jit itself: in %s', async (_where, text) => {
    // Why the guard exists; should an upgrade close the hole, this fails and says so.
    const compiled = compileQuery(schema, parse(text));
    expect(isCompiledQuery(compiled)).toBe(true);
    if (isCompiledQuery(compiled)) await compiled.query(undefined, {}, {});
    expect((globalThis as { uvInjected?: number }).uvInjected).toBeDefined();
  });

  it.each(ATTACKS)('is not compiled here, and runs as text through graphql-js: in %s', async (_where, text) => {
    expect(compileOperation(schema, parse(text), undefined)).toBeUndefined();
    // Compiled at its first run here, were it compiled at all.
    const operations = knownOperations(schema, { includeStacktrace: false, compileOnRun: 1 });
    const request = { query: text };
    operations.learn(request);
    await operations.run(request, {});
    expect(operations.engineOf(request)).toBe('graphql-js');
    expect((globalThis as { uvInjected?: number }).uvInjected).toBeUndefined();
  });

  it('refuses the marker without a string literal: a name given to a scalar that reads literals as they come (as federation\'s _Any)', async () => {
    // graphql-js reads `{ id: <name> }` for such a scalar as the string "<name>"; graphql-jit wrote
    // the marker's rewrite, `new Date(0)`, into its source, and the resolver got a Date.
    const text = `{ anything(value: { id: ${MARKER}0 }) }`;
    const raw = compileQuery(schema, parse(text));
    expect(isCompiledQuery(raw)).toBe(true);
    if (isCompiledQuery(raw)) await raw.query(undefined, {}, {});
    expect((received.pop() as { id: unknown }).id).toBeInstanceOf(Date);

    expect(compileOperation(schema, parse(text), undefined)).toBeUndefined();
    const operations = knownOperations(schema, { includeStacktrace: false, compileOnRun: 1 });
    operations.learn({ query: text });
    await operations.run({ query: text }, {});
    expect(operations.engineOf({ query: text })).toBe('graphql-js');
    expect(received.pop()).toEqual({ id: `${MARKER}0` });
  });

  it('compiles an operation whose values are variables, numbers, booleans and nulls', () => {
    const text = 'query Q($s: String, $f: Filter) { a: echo(s: $s, filter: $f) b: echo(n: 3, flag: true, list: null, filter: { limits: [1, 2] }) }';
    expect(compileOperation(schema, parse(text), 'Q')).toBeDefined();
  });

  it('leaves to graphql-js what graphql-jit will not compile, without throwing', () => {
    // Two anonymous operations: graphql-jit needs a name to choose; graphql-js's validation would refuse it first.
    expect(compileOperation(schema, parse('{ a: echo } { b: echo }'), undefined)).toBeUndefined();
  });
});

describe('hasStringLiteral', () => {
  it.each([
    ['an argument', '{ echo(s: "x") }', true],
    ['an empty string', '{ echo(s: "") }', true],
    ['a block string', '{ echo(s: """x""") }', true],
    ['a list', '{ echo(list: [null, "x"]) }', true],
    ['an input object', '{ echo(filter: { name: "x" }) }', true],
    ['a variable default', 'query Q($s: String = "x") { echo(s: $s) }', true],
    ['a directive argument', '{ echo @tag(name: "x") }', true],
    ['a fragment', '{ ...F } fragment F on Query { echo(s: "x") }', true],
    ['variables only', 'query Q($s: String) { echo(s: $s) }', false],
    ['numbers, booleans, null, an enum-like name', '{ echo(n: 1, flag: false, list: null) }', false],
    ['a variable default that is not a string', 'query Q($n: Int = 4) { echo(n: $n) }', false],
  ])('%s: %p -> %p', (_where, text, expected) => {
    expect(hasStringLiteral(parse(text))).toBe(expected);
  });
});

describe('SUBGRAPH_EXECUTION', () => {
  it.each([
    [undefined, 'compiled'],
    ['', 'compiled'],
    ['compiled', 'compiled'],
    [' graphql-js ', 'graphql-js'],
  ])('%p -> %s', (value, expected) => {
    expect(subgraphExecutionFromEnv(value === undefined ? {} : { SUBGRAPH_EXECUTION: value })).toBe(expected);
  });

  it.each(['jit', 'Compiled', 'graphql', 'off'])('refuses %p (a typo must not silently pick one)', (value) => {
    expect(() => subgraphExecutionFromEnv({ SUBGRAPH_EXECUTION: value })).toThrow('SUBGRAPH_EXECUTION must be "compiled" or "graphql-js"');
  });
});

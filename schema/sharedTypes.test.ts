import { parse } from 'graphql';
import { withSharedTypes } from './sharedTypes';

// A small shared file written for these tests: Party uses Kind, Money and @tagged (which uses
// Level); Unused is used by nobody.
const SHARED = `
directive @tagged(level: Level!) on FIELD_DEFINITION
enum Level { LOW HIGH }
"A party."
type Party @shareable { id: ID! kind: Kind! worth: Money @tagged(level: HIGH) }
enum Kind { PERSON }
type Money @shareable { amount: String! }
type Unused { x: Int }
scalar Date
`;

/** The names a complete SDL defines, in order (types, and directives as `@name`). */
const definedNames = (sdl: string) =>
  parse(sdl).definitions.map((d) => (d.kind === 'DirectiveDefinition' ? `@${d.name.value}` : 'name' in d && d.name ? d.name.value : d.kind));

describe('withSharedTypes', () => {
  it.each([
    ['no shared type used', 'type Query { a: Int }', ['Query']],
    ['a leaf type', 'type Query { m: Money }', ['Query', 'Money']],
    ['a scalar in an argument', 'type Query { on(day: Date): Int }', ['Query', 'Date']],
    ['a type and all it uses, in the shared file order', 'type Query { p: Party }', ['Query', '@tagged', 'Level', 'Party', 'Kind', 'Money']],
    ['a directive applied and the enum it takes', 'type Query { a: Int @tagged(level: LOW) }', ['Query', '@tagged', 'Level']],
    ['a type used only from an extension', 'type Query { a: Int }\nextend type Query { m: Money }', ['Query', 'Query', 'Money']],
  ])('%s', (_case, own, expected) => {
    expect(definedNames(withSharedTypes(own, SHARED))).toEqual(expected);
  });

  it("keeps the subgraph's own definition of a shared type (profile's @external Party)", () => {
    const own = 'type Query { p: Party }\ntype Party @shareable { id: ID! @external }';
    const sdl = withSharedTypes(own, SHARED);
    expect(definedNames(sdl)).toEqual(['Query', 'Party']);
    expect(sdl).not.toMatch(/kind: Kind/);
  });

  it('returns an SDL that uses nothing shared unchanged', () => {
    const own = '# a comment\ntype Query { a: Int }\n';
    expect(withSharedTypes(own, SHARED)).toBe(own);
  });

  it('keeps descriptions of the shared definitions (the explorer shows them)', () => {
    expect(withSharedTypes('type Query { p: Party }', SHARED)).toContain('"A party."');
  });

  it('refuses an SDL that does not parse, naming the syntax error', () => {
    expect(() => withSharedTypes('type Query {', SHARED)).toThrow(/Syntax Error/);
    expect(() => withSharedTypes('type Query { a: Int }', 'type {')).toThrow(/Syntax Error/);
  });
});

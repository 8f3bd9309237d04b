import { listSupergraphSubgraphs } from './supergraphSubgraphs';

describe('listSupergraphSubgraphs', () => {
  it('reads name and url from each join__Graph value', () => {
    const sdl = `
      enum join__Graph {
        CORE_BANKING @join__graph(name: "core-banking", url: "http://localhost:4002/graphql")
        CARDS @join__graph(name: "cards", url: "http://localhost:4003/graphql")
      }
      type Query { a: Int }
    `;
    expect(listSupergraphSubgraphs(sdl)).toEqual([
      { name: 'core-banking', url: 'http://localhost:4002/graphql' },
      { name: 'cards', url: 'http://localhost:4003/graphql' },
    ]);
  });

  it('returns an empty list for a schema that is not a supergraph', () => {
    expect(listSupergraphSubgraphs('type Query { a: Int }')).toEqual([]);
  });

  it('throws a GraphQL syntax error on text that does not parse', () => {
    expect(() => listSupergraphSubgraphs('this is { not graphql')).toThrow(/Syntax Error/);
  });
});

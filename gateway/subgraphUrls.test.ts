import { resolveSubgraphUrl, subgraphUrlEnvName } from './subgraphUrls';

describe('subgraphUrlEnvName', () => {
  it('upper-cases and turns dashes into underscores', () => {
    expect(subgraphUrlEnvName('core-banking')).toBe('SUBGRAPH_CORE_BANKING_URL');
    expect(subgraphUrlEnvName('cards')).toBe('SUBGRAPH_CARDS_URL');
  });
});

describe('resolveSubgraphUrl', () => {
  const fromSupergraph = 'http://localhost:4003/graphql';

  it('uses the supergraph url when nothing overrides it', () => {
    expect(resolveSubgraphUrl('cards', fromSupergraph, {}, {})).toBe(fromSupergraph);
  });

  it('lets the environment override the supergraph', () => {
    const env = { SUBGRAPH_CARDS_URL: 'http://cards:80/graphql' };
    expect(resolveSubgraphUrl('cards', fromSupergraph, {}, env)).toBe('http://cards:80/graphql');
  });

  it('ignores an empty environment value', () => {
    expect(resolveSubgraphUrl('cards', fromSupergraph, {}, { SUBGRAPH_CARDS_URL: ' ' })).toBe(fromSupergraph);
  });

  it('lets code overrides win over the environment', () => {
    const env = { SUBGRAPH_CORE_BANKING_URL: 'http://env/graphql' };
    const overrides = { 'core-banking': 'http://code/graphql' };
    expect(resolveSubgraphUrl('core-banking', fromSupergraph, overrides, env)).toBe('http://code/graphql');
  });
});

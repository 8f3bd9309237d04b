/**
 * Models the call-center resolvers pass on where they are not the graph's shape (used by the
 * resolver types `npm run compose` generates, schema/resolverTypes.ts; paths from schema/generated/).
 */
export const RESOLVER_MAPPERS: Record<string, string> = {
  // The canonical advisor with its graph id (graphNodes.ts).
  Advisor: '../../subgraphs/call-center/graphNodes#AdvisorNode',
};

/**
 * Models the identity resolvers pass on where they are not the graph's shape (used by the
 * resolver types `npm run compose` generates, schema/resolverTypes.ts; paths from schema/generated/).
 */
export const RESOLVER_MAPPERS: Record<string, string> = {
  // A customer is its id (and the instant it is read as of): every other field is resolved from it.
  Customer: '../../subgraphs/identity/customerRef#CustomerRef',
  // A queued pair with its records' keys split (its customers resolved from them).
  MatchReviewItem: '../../subgraphs/identity/reviewQueueResolvers#ReviewItemModel',
};

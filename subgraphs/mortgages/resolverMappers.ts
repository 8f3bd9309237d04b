/**
 * Models the mortgages resolvers pass on where they are not the graph's shape (used by the
 * resolver types `npm run compose` generates, schema/resolverTypes.ts; paths from schema/generated/).
 */
export const RESOLVER_MAPPERS: Record<string, string> = {
  // A loan as the adapter's store holds it; the graph's fields are resolved from it.
  MortgageLoan: '../../adapters/mortgages/mortgageLoan#MortgageLoan',
};

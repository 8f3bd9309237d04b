/**
 * What a system subgraph's `Customer` resolvers receive (the resolver-type mapper of `Customer`
 * in the system subgraphs, schema/resolverTypes.ts): the customer id and, through `@requires`,
 * only this system's own local keys, which are absent when the customer has no record there.
 */
export interface CustomerReference {
  id: string;
  links?: { [localKeys: string]: string[] | undefined };
}

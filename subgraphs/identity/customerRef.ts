/**
 * A customer as identity hands it on: its id, the instant its crosswalk is read as of, and the
 * id asked for when that id was merged away. The model behind the graph's `Customer` in this
 * subgraph (resolverMappers.ts): its fields are resolved from it.
 */
export interface CustomerRef {
  id: string;
  asOf?: string | null;
  mergedFrom?: string | null;
}

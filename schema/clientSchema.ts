import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';

/** The first lines of schema/client.graphql: what it is and how it is made. */
const HEADER = `# The API schema of the Unified View graph, as clients see it: the composed supergraph without
# the federation internals (join__*, link__*, @key, @requires...). Written by \`npm run compose\`;
# CI fails when it is stale (\`npm run compose -- --check\`). Do not edit: change schema/<subgraph>.graphql.
# Front-end teams generate types from it (docs/frontend.md): introspection is off in production.
`;

/**
 * The client schema of a supergraph: the same API schema the gateway serves
 * (`Supergraph.apiSchema()`, as @apollo/gateway builds it), printed as SDL with every description.
 */
export function clientSchemaSdl(supergraphSdl: string): string {
  const apiSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${HEADER}\n${printSchema(apiSchema).trimEnd()}\n`;
}

import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { reportStale } from '../../../adapters/cache/requestScope';
import { subgraphPlugins } from '../serveSubgraph';

/**
 * A subgraph whose fields answer in each shape a subgraph's answer can take (data; a plain
 * Error; a GraphQLError with its own code; an `http` extension with a status and a header; a
 * null in a non-null field, at the root and below; a stale serve), for the known-operations tests,
 * which hold knownOperations.ts to what Apollo Server answers for the same calls.
 */
let greetings = 0;

export const answerShapesSchema = buildSubgraphSchema({
  typeDefs: parse(/* GraphQL */ `
    type Query {
      greeting(name: String!): String
      plainFailure: String
      codedFailure: String
      teapot: String
      required: String!
      nested: Nested
      stale: String
    }
    type Nested {
      required: String!
      other: String
    }
  `),
  resolvers: {
    Query: {
      greeting: (_: unknown, { name }: { name: string }) => {
        greetings += 1;
        return `hello ${name}`;
      },
      plainFailure: () => {
        throw new Error('the system said no');
      },
      codedFailure: () => {
        throw new GraphQLError('the card system timed out', { extensions: { code: 'UPSTREAM_TIMEOUT', system: 'cards' } });
      },
      teapot: () => {
        throw new GraphQLError('short and stout', { extensions: { http: { status: 418, headers: new Map([['Retry-After', '5']]) } } });
      },
      required: () => null,
      nested: () => ({ required: null, other: 'x' }),
      stale: () => {
        reportStale({ system: 'ERP', ageMs: 90_000 });
        return 'last known';
      },
    },
  },
});

/** How many times `greeting` has run (a call left to Apollo Server must not have run it). */
export function greetingRuns(): number {
  return greetings;
}

/** The reference: Apollo Server over this schema, configured as serveSubgraph.ts configures a subgraph. */
export async function referenceServer(includeStacktrace: boolean): Promise<ApolloServer> {
  const server = new ApolloServer({ schema: answerShapesSchema, includeStacktraceInErrorResponses: includeStacktrace, plugins: subgraphPlugins() });
  await server.start();
  return server;
}

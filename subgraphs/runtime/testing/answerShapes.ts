import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { reportStale } from '../../../adapters/cache/requestScope';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { withSettledListItems } from '../compiledExecution';
import { DateScalar } from '../scalars';
import { subgraphPlugins } from '../serveSubgraph';

/**
 * A subgraph whose fields answer in each shape a subgraph's answer can take (data; a plain
 * Error; a GraphQLError with its own code; an `http` extension with a status and a header; a
 * null in a non-null field, at the root and below; a stale serve), and the execution features an
 * engine can get wrong (entities by reference, unions and interfaces, enums with internal values,
 * lists with nulls and failing items, promises, defaults, input objects, a scalar that refuses
 * to serialize, mutations in order), for the known-operations tests, which hold
 * knownOperations.ts, under both engines, to what Apollo Server answers for the same calls.
 */
let greetings = 0;

// Built as serveSubgraph.ts builds a subgraph's schema: list items settle (compiledExecution.ts).
export const answerShapesSchema = withSettledListItems(buildSubgraphSchema({
  typeDefs: parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
    scalar Date
    type Query {
      greeting(name: String!): String
      plainFailure: String
      codedFailure: String
      teapot: String
      required: String!
      nested: Nested
      stale: String
      things: [Thing]
      named: [Named!]!
      mood(pick: Mood = CALM): Mood
      moodName(mood: Mood!): String
      listWithNull: [String]
      nonNullItems: [String!]
      items: [Item]
      pending: [String]
      later(ms: Int = 0): String
      laterFailure: String
      echo(words: [String!]!, times: Int = 2): [String!]!
      find(filter: Filter!): String
      badDate: Date
      wrongType: Int
    }
    type Mutation {
      record(step: Int!): Int
    }
    type Nested {
      required: String!
      other: String
    }
    interface Named {
      name: String
    }
    type Person implements Named {
      name: String
      age: Int
    }
    type Company implements Named {
      name: String
      staff: Int
    }
    union Thing = Person | Company
    enum Mood {
      CALM
      ANGRY
    }
    input Filter {
      name: String
      limit: Int = 10
      moods: [Mood!]
    }
    type Item @key(fields: "id") {
      id: ID!
      value: Int
      broken: String
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
      things: () => [PERSON, COMPANY, null],
      named: () => [COMPANY, PERSON],
      mood: (_: unknown, { pick }: { pick: number }) => pick,
      moodName: (_: unknown, { mood }: { mood: number }) => `internal ${mood}`,
      listWithNull: () => ['a', null, 'c'],
      nonNullItems: () => ['a', null],
      items: () => [{ id: '1' }, { id: '2' }],
      // Items in flight, the first failing last (and once with a value that is not an Error).
      pending: () => [later(() => Promise.reject(new Error('first failed'))), 'b', later(() => Promise.resolve('c')), later(() => Promise.reject('not an Error'))],
      later: async (_: unknown, { ms }: { ms: number }) => {
        await new Promise((resolve) => setImmediate(resolve));
        return `after ${ms}`;
      },
      laterFailure: () => Promise.reject(new Error('the ledger went away')),
      echo: (_: unknown, { words, times }: { words: string[]; times: number }) => words.flatMap((word) => Array<string>(times).fill(word)),
      find: (_: unknown, { filter }: { filter: unknown }) => JSON.stringify(filter),
      badDate: () => '07/12/2026',
      wrongType: () => 'not a number',
    },
    Mutation: {
      // The first step yields before it records: run in parallel, the second would be recorded first.
      record: async (_: unknown, { step }: { step: number }, context: { steps?: number[] }) => {
        if (step === 1) await new Promise((resolve) => setImmediate(resolve));
        context.steps ??= [];
        context.steps.push(step);
        return context.steps.length;
      },
    },
    Named: { __resolveType: (value: { kind: string }) => value.kind },
    Thing: { __resolveType: (value: { kind: string }) => value.kind },
    // Internal values differ from the names: an engine must map both ways.
    Mood: { CALM: 1, ANGRY: 2 },
    Date: DateScalar,
    Item: {
      // As identity's: asynchronous; reference "bad" fails after the others have answered.
      __resolveReference: async (reference: { id: string }) => {
        await new Promise((resolve) => setImmediate(resolve));
        if (reference.id === 'bad') {
          await new Promise((resolve) => setImmediate(resolve));
          throw new GraphQLError('core banking timed out', { extensions: { code: 'UPSTREAM_TIMEOUT' } });
        }
        return { id: reference.id, value: Number(reference.id) * 10 };
      },
      broken: (item: { id: string }) => {
        if (item.id === '2') throw new Error('item 2 is broken');
        return `item ${item.id} works`;
      },
    },
  } as GraphQLResolverMap<unknown>,
}));

/** `run` after the current turn, as a legacy call answers. */
function later<T>(run: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setImmediate(resolve)).then(run);
}

const PERSON = { kind: 'Person', name: 'Ada', age: 36 };
const COMPANY = { kind: 'Company', name: 'Acme', staff: 12 };

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

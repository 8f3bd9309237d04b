import { writeFile, rename } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, parse } from 'graphql';
import pino, { type Logger } from 'pino';
import type { GatewayHandle } from '../createGateway';
import type { SupergraphEvent } from '../supergraphFileSource';

/**
 * Two tiny real subgraphs for gateway tests: `people` owns Person (and can hold a request
 * open, to test draining), `cards` extends Person and has a field that always fails the
 * way an adapter subgraph fails (code + system).
 */

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

export const PEOPLE_SDL_V1 = `${LINK}
  type Query { person(id: ID!): Person slow: String }
  type Person @key(fields: "id") { id: ID! name: String }
`;
// v2 adds Person.nickname: the running subgraph always serves v2, the supergraph decides what the gateway exposes.
export const PEOPLE_SDL_V2 = `${LINK}
  type Query { person(id: ID!): Person slow: String }
  type Person @key(fields: "id") { id: ID! name: String nickname: String }
`;
export const CARDS_SDL = `${LINK}
  type Person @key(fields: "id") { id: ID! cardCount: Int cardsStatus: String }
`;

export interface RunningSubgraph {
  name: string;
  url: string;
  stop(): Promise<void>;
}

export interface PeopleSubgraph extends RunningSubgraph {
  /** x-request-id headers seen on incoming requests, in order. */
  requestIds: (string | undefined)[];
  /** Resolves when a `slow` query is being resolved; call release() to let it answer. */
  slowEntered: Promise<void>;
  release(): void;
}

async function start(
  name: string,
  typeDefs: string,
  resolvers: GraphQLResolverMap<unknown>,
  onRequestHeaders?: (headers: Record<string, string | string[] | undefined>) => void,
): Promise<RunningSubgraph> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }),
    // Subgraphs in development send stack traces; production gateway mode must strip them.
    includeStacktraceInErrorResponses: true,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      onRequestHeaders?.(req.headers);
      return {};
    },
  });
  return { name, url, stop: () => server.stop() };
}

export async function startPeopleSubgraph(): Promise<PeopleSubgraph> {
  const requestIds: (string | undefined)[] = [];
  let entered!: () => void;
  const slowEntered = new Promise<void>((r) => (entered = r));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const running = await start(
    'people',
    PEOPLE_SDL_V2,
    {
      Query: {
        person: (_: unknown, { id }: { id: string }) => ({ id, name: `Person ${id}`, nickname: `P${id}` }),
        slow: async () => {
          entered();
          await released;
          return 'done';
        },
      },
      Person: { __resolveReference: ({ id }: { id: string }) => ({ id, name: `Person ${id}`, nickname: `P${id}` }) },
    },
    (headers) => {
      const id = headers['x-request-id'];
      requestIds.push(Array.isArray(id) ? id[0] : id);
    },
  );
  return { ...running, requestIds, slowEntered, release };
}

export async function startCardsSubgraph(): Promise<RunningSubgraph> {
  return start('cards', CARDS_SDL, {
    Person: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      cardCount: () => 2,
      cardsStatus: () => {
        throw new GraphQLError('CARDS getCards is unavailable', {
          extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' },
        });
      },
    },
  });
}

/** Composes the pair into a supergraph SDL, as `npm run compose` would. */
export function composeSupergraph(
  services: { name: string; url: string; sdl: string }[],
): string {
  const result = composeServices(services.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

/** Replaces the file atomically (temp file + rename), the way deploy tooling does. */
export async function replaceFile(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}

export function nextSupergraphEvent<T extends SupergraphEvent['type']>(
  gateway: GatewayHandle,
  type: T,
): Promise<Extract<SupergraphEvent, { type: T }>> {
  return new Promise((resolveEvent) => {
    const off = gateway.onSupergraphEvent((event) => {
      if (event.type !== type) return;
      off();
      resolveEvent(event as Extract<SupergraphEvent, { type: T }>);
    });
  });
}

/** A pino logger whose JSON lines land in `lines`, to assert on what the gateway logs. */
export function captureLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  // The tests assert on the shape, so a loose type keeps them readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

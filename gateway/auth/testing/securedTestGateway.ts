import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type CreateGatewayOptions, type GatewayHandle } from '../../createGateway';
import { defaultGatewayPlugins } from '../../plugins';
import { DEFAULT_ABUSE_LIMITS } from '../../plugins/useAbuseLimits';
import { captureLogger, composeSupergraph, startCardsSubgraph, startPeopleSubgraph, type PeopleSubgraph, type RunningSubgraph } from '../../testing/testSubgraphs';
import { hs256Secret } from '../authConfig';
import { mintToken } from '../mintToken';
import type { SecurityOptions } from '../securityOptions';

/**
 * The gateway test subgraphs (gateway/testing/testSubgraphs.ts) under a supergraph whose SDLs
 * carry @sensitive: the running subgraphs do not care about the directive, the gateway reads
 * it from the supergraph. Person.name is PII, Person.nickname AUDIT (and non-null, to test
 * null propagation), Person.cardCount FINANCIAL; Person.id and cardsStatus are not sensitive.
 */
const SENSITIVE = `
  @link(url: "https://unifiedview.example/sensitive/v1.0", import: ["@sensitive"])
  @composeDirective(name: "@sensitive")
directive @sensitive(class: SensitivityClass!) on FIELD_DEFINITION
enum SensitivityClass { PII FINANCIAL AUDIT }
`;
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])';

export const SENSITIVE_PEOPLE_SDL = `${LINK}${SENSITIVE}
  type Query { person(id: ID!): Person slow: String }
  type Person @key(fields: "id") { id: ID! name: String @sensitive(class: PII) nickname: String! @sensitive(class: AUDIT) }
`;
export const SENSITIVE_CARDS_SDL = `${LINK}${SENSITIVE}
  type Person @key(fields: "id") { id: ID! cardCount: Int @sensitive(class: FINANCIAL) cardsStatus: String }
`;

export const GATEWAY_TEST_SECRET = hs256Secret('gateway-plugin-tests-secret-0123456789');

export function gatewayTestToken(roles: string | string[], options: { subject?: string; ttl?: string | number; claims?: Record<string, unknown> } = {}): Promise<string> {
  return mintToken({ secret: GATEWAY_TEST_SECRET, roles: typeof roles === 'string' ? [roles] : roles, subject: options.subject ?? 'tester', ttl: options.ttl, claims: options.claims });
}

export interface SecuredTestGateway {
  gateway: GatewayHandle;
  people: PeopleSubgraph;
  cards: RunningSubgraph;
  /** Another gateway replica over the same subgraphs (rate limit sharing). */
  replica(security?: Partial<SecurityOptions>): Promise<GatewayHandle>;
  close(): Promise<void>;
}

export async function startSecuredTestGateway(
  security: Partial<SecurityOptions> = {},
  gatewayOptions: Partial<CreateGatewayOptions> = {},
): Promise<SecuredTestGateway> {
  const [people, cards] = await Promise.all([startPeopleSubgraph(), startCardsSubgraph()]);
  const dir = await mkdtemp(join(tmpdir(), 'secured-gateway-'));
  const path = join(dir, 'supergraph.graphql');
  await writeFile(
    path,
    composeSupergraph([
      { name: 'people', url: people.url, sdl: SENSITIVE_PEOPLE_SDL },
      { name: 'cards', url: cards.url, sdl: SENSITIVE_CARDS_SDL },
    ]),
  );
  const gateways: GatewayHandle[] = [];
  const start = async (overrides: Partial<SecurityOptions>) => {
    const gateway = await createGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: path,
      env: {},
      production: false,
      logger: captureLogger().log,
      ...gatewayOptions,
      plugins: defaultGatewayPlugins({
        security: { auth: { hs256Secret: GATEWAY_TEST_SECRET }, limits: DEFAULT_ABUSE_LIMITS, deadlineMs: 10_000, ...security, ...overrides },
      }),
    });
    gateways.push(gateway);
    return gateway;
  };
  const gateway = await start({});
  return {
    gateway,
    people,
    cards,
    replica: (overrides = {}) => start(overrides),
    async close() {
      people.release();
      await Promise.all(gateways.map((g) => g.close()));
      await Promise.all([people.stop(), cards.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

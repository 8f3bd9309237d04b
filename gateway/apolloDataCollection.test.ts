import diagnostics from 'node:diagnostics_channel';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APOLLO_TELEMETRY_VARIABLE, apolloTelemetrySetting, withApolloTelemetryDecided } from './apolloDataCollection';
import { createGateway } from './createGateway';
import { CARDS_SDL, PEOPLE_SDL_V1, captureLogger, composeSupergraph } from './testing/testSubgraphs';

describe('apolloTelemetrySetting', () => {
  // [the operator's APOLLO_TELEMETRY_DISABLED, what the gateway's constructor must see]
  const cases: [string | undefined, string][] = [
    [undefined, 'true'],
    ['', 'true'],
    ['   ', 'true'],
    ['true', 'true'],
    ['1', '1'],
    // An explicit choice to let Apollo collect is the operator's to make.
    ['false', 'false'],
    ['0', '0'],
  ];
  it.each(cases)('operator setting %p -> %p', (chosen, expected) => {
    expect(apolloTelemetrySetting(chosen === undefined ? {} : { [APOLLO_TELEMETRY_VARIABLE]: chosen })).toBe(expected);
  });
});

describe('withApolloTelemetryDecided', () => {
  const original = process.env[APOLLO_TELEMETRY_VARIABLE];
  afterEach(() => {
    if (original === undefined) delete process.env[APOLLO_TELEMETRY_VARIABLE];
    else process.env[APOLLO_TELEMETRY_VARIABLE] = original;
  });

  it('shows the decision to the build only, and restores an unset variable', () => {
    delete process.env[APOLLO_TELEMETRY_VARIABLE];
    const seen = withApolloTelemetryDecided({}, () => process.env[APOLLO_TELEMETRY_VARIABLE]);
    expect(seen).toBe('true');
    expect(APOLLO_TELEMETRY_VARIABLE in process.env).toBe(false);
  });

  it("restores the process's own value, also when the build throws", () => {
    process.env[APOLLO_TELEMETRY_VARIABLE] = 'kept';
    expect(() =>
      withApolloTelemetryDecided({ [APOLLO_TELEMETRY_VARIABLE]: 'false' }, () => {
        expect(process.env[APOLLO_TELEMETRY_VARIABLE]).toBe('false');
        throw new Error('build failed');
      }),
    ).toThrow('build failed');
    expect(process.env[APOLLO_TELEMETRY_VARIABLE]).toBe('kept');
  });
});

describe('a gateway started and stopped', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gateway-telemetry-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // A stock ApolloGateway asks 100.100.100.200, 169.254.169.254 (twice), metadata.google.internal
  // and usage-reporting.api.apollographql.com (checked by hand with @apollo/gateway 2.14.4).
  it('makes no HTTP request of its own and opens no socket (no cloud metadata probe, no report to Apollo)', async () => {
    const path = join(dir, 'supergraph.graphql');
    await writeFile(
      path,
      composeSupergraph([
        { name: 'people', url: 'http://people.invalid/graphql', sdl: PEOPLE_SDL_V1 },
        { name: 'cards', url: 'http://cards.invalid/graphql', sdl: CARDS_SDL },
      ]),
    );
    const outgoing: string[] = [];
    const onHttp = (message: unknown) => {
      const { request } = message as { request: { host?: string; path?: string } };
      outgoing.push(`http ${request.host ?? '?'}${request.path ?? ''}`);
    };
    const onSocket = () => outgoing.push('socket');
    diagnostics.subscribe('http.client.request.start', onHttp);
    diagnostics.subscribe('net.client.socket', onSocket);
    try {
      // The process's own variable unset, as on a machine where nobody thought of it.
      const before = process.env[APOLLO_TELEMETRY_VARIABLE];
      delete process.env[APOLLO_TELEMETRY_VARIABLE];
      try {
        const gateway = await createGateway({ port: 0, host: '127.0.0.1', supergraphPath: path, env: {}, production: false, logger: captureLogger().log });
        expect(gateway.currentSupergraph()).toBeDefined();
        // Stopping is when a stock gateway sends its last report.
        await gateway.close();
      } finally {
        if (before !== undefined) process.env[APOLLO_TELEMETRY_VARIABLE] = before;
      }
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onHttp);
      diagnostics.unsubscribe('net.client.socket', onSocket);
    }
    expect(outgoing).toEqual([]);
  });
});

import { resolve } from 'node:path';
import { GatewayConfigError, loadGatewayConfigFromEnv } from './config';

describe('loadGatewayConfigFromEnv', () => {
  it('has zero-config defaults', () => {
    expect(loadGatewayConfigFromEnv({}, '/app')).toEqual({
      port: 4000,
      host: '0.0.0.0',
      supergraphPath: resolve('/app', 'schema/supergraph.graphql'),
      production: false,
      logLevel: 'info',
      corsOrigins: [],
    });
  });

  it('reads PORT, SUPERGRAPH_PATH, NODE_ENV and LOG_LEVEL', () => {
    const config = loadGatewayConfigFromEnv(
      { PORT: '0', SUPERGRAPH_PATH: '/etc/sg.graphql', NODE_ENV: 'production', LOG_LEVEL: 'warn', CORS_ORIGINS: 'https://a.example' },
      '/app',
    );
    expect(config).toMatchObject({ port: 0, supergraphPath: '/etc/sg.graphql', production: true, logLevel: 'warn', corsOrigins: ['https://a.example'] });
  });

  it('rejects a port that is not a port', () => {
    expect(() => loadGatewayConfigFromEnv({ PORT: 'eighty' })).toThrow(GatewayConfigError);
    expect(() => loadGatewayConfigFromEnv({ PORT: '70000' })).toThrow(GatewayConfigError);
  });
});

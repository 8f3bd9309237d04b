import path from 'node:path';
import pino from 'pino';
import { createGateway, type GatewayHandle } from '../gateway/createGateway';

/**
 * A diagnostic target (`--bare`): our gateway (createGateway) with no plugins, so a gap between
 * ours and plain splits into "our plugins" (ours vs bare) and "our server shell" (bare vs plain).
 */
export function startBareGateway(subgraphUrls: Record<string, string>): Promise<GatewayHandle> {
  return createGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: path.join(__dirname, '..', 'schema', 'supergraph.graphql'),
    subgraphUrlOverrides: subgraphUrls,
    logger: pino({ level: 'silent' }),
    plugins: [],
  });
}

import { loadGatewayConfigFromEnv } from './config';
import { createGateway } from './createGateway';
import { createGatewayLogger } from './logger';
import { createCacheBackendFromEnv } from '../adapters/cache';
import { persistedQueryCache } from './persistedQueryCache';
import { defaultGatewayPlugins } from './plugins';

/**
 * `tsx gateway/main.ts`: the gateway from the environment (PORT, HOST, SUPERGRAPH_PATH,
 * SUBGRAPH_<NAME>_URL, NODE_ENV, LOG_LEVEL, CORS_ORIGINS). SIGINT/SIGTERM drain and exit; a second
 * signal exits at once; SIGHUP re-reads the supergraph file.
 */
async function main(): Promise<void> {
  const config = loadGatewayConfigFromEnv();
  const log = createGatewayLogger(config.logLevel);
  // APQ on the cache layer's store: shared by every replica when REDIS_URL (or a cluster) is set.
  const cache = createCacheBackendFromEnv(process.env);
  await cache.ready(1000);
  let gateway;
  try {
    gateway = await createGateway({
      persistedQueryCache: persistedQueryCache(cache.store),
      port: config.port,
      host: config.host,
      supergraphPath: config.supergraphPath,
      production: config.production,
      logger: log,
      plugins: defaultGatewayPlugins({ corsOrigins: config.corsOrigins }),
    });
  } catch (error) {
    log.fatal({ reason: (error as Error).message, supergraphPath: config.supergraphPath }, 'gateway failed to start');
    process.exitCode = 1;
    return;
  }
  log.info({ url: gateway.url, production: config.production }, 'gateway listening');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal; exiting without draining');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'draining and stopping');
    gateway
      .close()
      .then(() => cache.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ reason: (error as Error).message }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', () => void gateway.reloadSupergraph());
}

void main();

import cluster from 'node:cluster';
import { loadGatewayConfigFromEnv } from './config';
import { createGateway } from './createGateway';
import { startGatewayWorkers } from './gatewayWorkers';
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

/**
 * `GATEWAY_WORKERS=N`: this process only supervises N workers (node:cluster) that each run
 * `main()` on the same port; without it, this process is the gateway.
 */
async function supervise(count: number): Promise<void> {
  const config = loadGatewayConfigFromEnv();
  const log = createGatewayLogger(config.logLevel);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'GATEWAY_WORKERS') env[key] = value;
  const workers = await startGatewayWorkers({ count, port: config.port, host: config.host, env });
  log.info({ url: workers.url, workers: count }, 'gateway workers listening');
  const stop = () => {
    workers.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const workerCount = Number(process.env.GATEWAY_WORKERS ?? 0);
if (cluster.isPrimary && workerCount > 0) {
  supervise(workerCount).catch((error: Error) => {
    console.error(`gateway workers failed to start: ${error.message}`);
    process.exit(1);
  });
} else {
  void main();
}

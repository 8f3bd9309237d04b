import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';

export interface GatewayWorkers {
  /** The one endpoint every worker serves. */
  url: string;
  count: number;
  close(): Promise<void>;
}

export interface GatewayWorkersOptions {
  count: number;
  port: number;
  host?: string;
  /** Environment of every worker: SUBGRAPH_<NAME>_URL, AUTH_*, REDIS_URL, ... (see gateway/main.ts). */
  env: Record<string, string>;
}

/**
 * `GATEWAY_WORKERS=N`: N gateway processes (node:cluster) behind one port, so one machine's cores
 * all plan and execute queries. The workers are stateless: they share Redis (rate limits, APQ,
 * audit stream) when it is configured, and call the same subgraphs. A worker that dies is
 * replaced, so a crash costs its in-flight requests, not the endpoint.
 */
export async function startGatewayWorkers(options: GatewayWorkersOptions): Promise<GatewayWorkers> {
  if (!cluster.isPrimary) throw new Error('gateway workers are started from the primary process');
  const host = options.host ?? '127.0.0.1';
  // Workers run the gateway's own entry point with this process's loader flags (tsx), so they
  // need no build step.
  cluster.setupPrimary({ exec: path.join(__dirname, 'main.ts'), execArgv: process.execArgv });
  const env = { ...options.env, PORT: String(options.port), HOST: host };
  let closing = false;
  const workers = new Set<Worker>();

  // With port 0 the first worker's listen picks the port; node:cluster gives every later
  // listen(0) that same port, so all workers still share one endpoint.
  let listeningPort = options.port;
  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(env);
      workers.add(worker);
      const onExit = (code: number | null) => reject(new Error(`gateway worker exited before listening (code ${code})`));
      worker.once('exit', onExit);
      worker.once('listening', (address) => {
        listeningPort = address.port;
        worker.off('exit', onExit);
        worker.once('exit', () => {
          workers.delete(worker);
          if (!closing) void fork().catch(() => undefined);
        });
        resolve(worker);
      });
    });

  try {
    await Promise.all(Array.from({ length: options.count }, () => fork()));
  } catch (error) {
    closing = true;
    for (const worker of workers) worker.kill();
    throw error;
  }

  return {
    url: `http://${host}:${listeningPort}/graphql`,
    count: options.count,
    async close() {
      closing = true;
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

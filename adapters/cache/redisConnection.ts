import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** Which Redis deployment the cache talks to, read from the environment. */
export type RedisTarget =
  | { mode: 'single'; url: string }
  | { mode: 'cluster'; nodes: Array<{ host: string; port: number }> }
  | { mode: 'sentinel'; sentinels: Array<{ host: string; port: number }>; name: string };

export class CacheConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheConfigError';
  }
}

function hostPorts(variable: string, raw: string): Array<{ host: string; port: number }> {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = /^(.+):(\d{1,5})$/.exec(part);
      const port = match ? Number(match[2]) : NaN;
      if (!match || port < 1 || port > 65535) throw new CacheConfigError(`${variable} must be a comma-separated list of host:port`);
      return { host: match[1], port };
    });
}

/**
 * `REDIS_CLUSTER_NODES` wins over `REDIS_SENTINELS` (+ `REDIS_SENTINEL_NAME`), which wins over
 * `REDIS_URL`; none of them set means no Redis (the in-memory store).
 */
export function redisTargetFromEnv(env: NodeJS.ProcessEnv = process.env): RedisTarget | null {
  const cluster = env.REDIS_CLUSTER_NODES?.trim();
  if (cluster) {
    const nodes = hostPorts('REDIS_CLUSTER_NODES', cluster);
    if (nodes.length === 0) throw new CacheConfigError('REDIS_CLUSTER_NODES names no node');
    return { mode: 'cluster', nodes };
  }
  const sentinels = env.REDIS_SENTINELS?.trim();
  if (sentinels) {
    const name = env.REDIS_SENTINEL_NAME?.trim();
    if (!name) throw new CacheConfigError('REDIS_SENTINELS needs REDIS_SENTINEL_NAME (the monitored master name)');
    const list = hostPorts('REDIS_SENTINELS', sentinels);
    if (list.length === 0) throw new CacheConfigError('REDIS_SENTINELS names no sentinel');
    return { mode: 'sentinel', sentinels: list, name };
  }
  const url = env.REDIS_URL?.trim();
  if (url) {
    if (!/^rediss?:\/\//.test(url)) throw new CacheConfigError('REDIS_URL must start with redis:// or rediss://');
    return { mode: 'single', url };
  }
  return null;
}

export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /**
   * ioredis's own limit of one command (default 1000 ms): a backstop for commands the cache store
   * does not time itself (a publish). The store's reads and writes have a shorter budget of their
   * own, counted so that a busy event loop does not pass for a slow Redis (commandDeadline.ts).
   */
  commandTimeoutMs?: number;
  /** Called on connection errors (without data: ioredis errors name hosts and commands only). */
  onError?: (error: Error) => void;
}

/** Reconnect soon after Redis comes back, but do not spin while it is away. */
const reconnectDelay = (times: number): number => Math.min(50 * times, 1000);

/**
 * A client that degrades instead of waiting: commands fail at once while disconnected (no offline
 * queue), each command has a timeout, and ioredis keeps reconnecting in the background, so
 * the cache resumes by itself when Redis returns. `enableAutoPipelining` batches the per-key
 * commands issued in one tick into one round trip per node, which is what lets us avoid
 * multi-key commands (they fail across Cluster slots) without paying a round trip per key.
 */
export function createRedisClient(target: RedisTarget, options: RedisConnectionOptions = {}): RedisClient {
  const common: RedisOptions = {
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    enableAutoPipelining: true,
  };
  let client: RedisClient;
  if (target.mode === 'cluster') {
    const clusterOptions: ClusterOptions = {
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      clusterRetryStrategy: reconnectDelay,
      redisOptions: common,
    };
    client = new Cluster(target.nodes, clusterOptions);
  } else if (target.mode === 'sentinel') {
    client = new Redis({ ...common, sentinels: target.sentinels, name: target.name, enableOfflineQueue: false, retryStrategy: reconnectDelay });
  } else {
    client = new Redis(target.url, { ...common, enableOfflineQueue: false, retryStrategy: reconnectDelay });
  }
  // Without a listener ioredis reports every failed reconnect as an unhandled error event.
  client.on('error', (error: Error) => options.onError?.(error));
  return client;
}

/**
 * A second connection for SUBSCRIBE (a subscribed connection can run nothing else). Unlike the
 * command connection it keeps an offline queue and has no command timeout, so SUBSCRIBE waits for
 * the connection instead of failing, and ioredis re-subscribes after every reconnect.
 */
export function createSubscriberClient(client: RedisClient, onError?: (error: Error) => void): RedisClient {
  const subscriber: RedisClient =
    client instanceof Cluster
      ? client.duplicate(undefined, { enableOfflineQueue: true, redisOptions: { ...client.options.redisOptions, commandTimeout: undefined } })
      : client.duplicate({ enableOfflineQueue: true, autoResubscribe: true, commandTimeout: undefined });
  subscriber.on('error', (error: Error) => onError?.(error));
  return subscriber;
}

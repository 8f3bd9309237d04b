import { decodeEntry, encodeEntry, type CacheEntry, type CacheStore, type CacheWrite } from './cacheStore';
import type { RedisClient } from './redisConnection';

export interface RedisCacheStoreOptions {
  /** Namespace of every key this store touches (`CACHE_KEY_PREFIX`, default `uv:`). */
  keyPrefix?: string;
  /** Told about each failed command (the command then counted as a miss or a skipped write). */
  onError?: (error: Error) => void;
}

/**
 * The shared store: one Redis (single node, Sentinel-managed or Cluster) for every replica.
 *
 * Every operation is one command per key, issued together: the client's auto-pipelining sends
 * them as one round trip per node, and no command ever spans two Cluster slots. Failures of any
 * kind (Redis down, command timeout, Cluster resharding) become misses and skipped writes.
 */
export class RedisCacheStore implements CacheStore {
  readonly kind = 'redis' as const;
  readonly keyPrefix: string;
  private failures = 0;

  constructor(
    readonly client: RedisClient,
    private readonly options: RedisCacheStoreOptions = {},
  ) {
    this.keyPrefix = options.keyPrefix ?? 'uv:';
  }

  /** Commands that failed so far (a health signal; reads that failed were served as misses). */
  get failedCommands(): number {
    return this.failures;
  }

  private failed(error: unknown): void {
    this.failures += 1;
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    return (await this.mget([key]))[0];
  }

  async mget(keys: readonly string[]): Promise<Array<CacheEntry | undefined>> {
    if (keys.length === 0) return [];
    const answers = await Promise.allSettled(keys.map((key) => this.client.get(this.keyPrefix + key)));
    return answers.map((answer) => {
      if (answer.status === 'rejected') {
        this.failed(answer.reason);
        return undefined;
      }
      return decodeEntry(answer.value);
    });
  }

  async set(key: string, entry: CacheEntry, ttlMs: number): Promise<void> {
    await this.mset([{ key, entry, ttlMs }]);
  }

  async mset(writes: readonly CacheWrite[]): Promise<void> {
    const results = await Promise.allSettled(
      writes
        .filter((write) => write.ttlMs > 0)
        .map((write) => this.client.set(this.keyPrefix + write.key, encodeEntry(write.entry), 'PX', Math.ceil(write.ttlMs))),
    );
    for (const result of results) if (result.status === 'rejected') this.failed(result.reason);
  }

  async del(keys: readonly string[]): Promise<void> {
    const results = await Promise.allSettled(keys.map((key) => this.client.del(this.keyPrefix + key)));
    for (const result of results) if (result.status === 'rejected') this.failed(result.reason);
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}

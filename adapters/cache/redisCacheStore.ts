import { withinCommandDeadline } from './commandDeadline';
import { decodeEntry, encodeEntry, type CacheEntry, type CacheStore, type CacheWrite } from './cacheStore';
import type { RedisClient } from './redisConnection';

export interface RedisCacheStoreOptions {
  /** Namespace of every key this store touches (`CACHE_KEY_PREFIX`, default `uv:`). */
  keyPrefix?: string;
  /** Told about each failed command (the command then counted as a miss or a skipped write). */
  onError?: (error: Error) => void;
  /**
   * After a command timed out, how long to skip Redis altogether (default 1000 ms): a Redis that
   * holds connections open but stops answering would otherwise cost every request a timeout.
   */
  suspendAfterTimeoutMs?: number;
  /**
   * Budget of one round trip (`CACHE_REDIS_TIMEOUT_MS`, default 100 ms): past it a read is a miss
   * and a write is skipped. Counted as commandDeadline.ts says, so that our own busy event loop
   * does not pass for a slow Redis.
   */
  commandTimeoutMs?: number;
}

/** The default budget of one round trip to Redis. */
export const DEFAULT_REDIS_COMMAND_BUDGET_MS = 100;

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
  private suspendedUntil = 0;

  constructor(
    readonly client: RedisClient,
    private readonly options: RedisCacheStoreOptions = {},
  ) {
    this.keyPrefix = options.keyPrefix ?? 'uv:';
  }

  /** Commands that failed or were skipped while disconnected (a health signal; such reads were misses). */
  get failedCommands(): number {
    return this.failures;
  }

  /**
   * While disconnected the commands are not even issued: without an offline queue each would be
   * refused anyway, and one refusal per key would flood `onError` on every request.
   */
  private connected(count: number): boolean {
    if (this.client.status === 'ready' && Date.now() >= this.suspendedUntil) return true;
    this.failures += count;
    return false;
  }

  /**
   * Resolves true once connected, false after `timeoutMs` (never rejects). Until connected every
   * read is a miss (there is no offline queue to wait in), so a service may await this at startup
   * to begin warm; it must not refuse to start without Redis.
   */
  ready(timeoutMs = 2000): Promise<boolean> {
    if (this.client.status === 'ready') return Promise.resolve(true);
    return new Promise((resolve) => {
      const onReady = () => finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (connected: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(connected);
      };
      this.client.once('ready', onReady);
    });
  }

  private failed(error: unknown, commands = 1): void {
    this.failures += commands;
    if (error instanceof Error && /timed out/i.test(error.message)) this.suspendedUntil = Date.now() + (this.options.suspendAfterTimeoutMs ?? 1000);
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    return (await this.mget([key]))[0];
  }

  async mget(keys: readonly string[]): Promise<Array<CacheEntry | undefined>> {
    if (keys.length === 0) return [];
    if (!this.connected(keys.length)) return keys.map(() => undefined);
    let answers;
    try {
      answers = await this.withinBudget(Promise.allSettled(keys.map((key) => this.client.get(this.keyPrefix + key))));
    } catch (error) {
      this.failed(error, keys.length);
      return keys.map(() => undefined);
    }
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
    if (writes.length === 0 || !this.connected(writes.length)) return;
    const sent = writes.filter((write) => write.ttlMs > 0);
    await this.settleAll(sent.map((write) => this.client.set(this.keyPrefix + write.key, encodeEntry(write.entry), 'PX', Math.ceil(write.ttlMs))));
  }

  async del(keys: readonly string[]): Promise<void> {
    if (keys.length === 0 || !this.connected(keys.length)) return;
    await this.settleAll(keys.map((key) => this.client.del(this.keyPrefix + key)));
  }

  /** The budget of one round trip (`commandTimeoutMs`). */
  get commandBudgetMs(): number {
    return this.options.commandTimeoutMs ?? DEFAULT_REDIS_COMMAND_BUDGET_MS;
  }

  /**
   * The commands of one call (auto-pipelined: one round trip), within one budget. Past it the
   * whole call counts as failed, answers already in included (on a Cluster with one hung shard,
   * the healthy shards' hits of that call are lost too): the call is one unit to its caller.
   */
  private withinBudget<T>(work: Promise<T>): Promise<T> {
    return withinCommandDeadline(work, this.commandBudgetMs);
  }

  /** Writes and deletes: each failure counted; all of them failed when the budget passed. */
  private async settleAll(commands: Array<Promise<unknown>>): Promise<void> {
    if (commands.length === 0) return;
    try {
      const results = await this.withinBudget(Promise.allSettled(commands));
      for (const result of results) if (result.status === 'rejected') this.failed(result.reason);
    } catch (error) {
      this.failed(error, commands.length);
    }
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}

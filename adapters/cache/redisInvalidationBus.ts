import { EventEmitter } from 'node:events';
import { withinCommandDeadline } from './commandDeadline';
import { DEFAULT_REDIS_COMMAND_BUDGET_MS } from './redisCacheStore';
import { createSubscriberClient, type RedisClient } from './redisConnection';
import { parseInvalidationMessage, type InvalidationBus, type InvalidationMessage } from './invalidationBus';

/**
 * Invalidations over Redis pub/sub on `<prefix>invalidate`. On a Cluster, PUBLISH reaches the
 * subscribers of every node, so one subscriber connection per replica is enough.
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly channel: string;
  private readonly subscriber: RedisClient;
  private readonly emitter = new EventEmitter();
  private readonly subscribed: Promise<boolean>;

  constructor(
    private readonly client: RedisClient,
    keyPrefix: string,
    onError?: (error: Error) => void,
    /** Budget of one publish (the store's, default 100 ms): an eviction never waits on a Redis that stopped answering. */
    private readonly publishBudgetMs = DEFAULT_REDIS_COMMAND_BUDGET_MS,
  ) {
    this.channel = `${keyPrefix}invalidate`;
    this.emitter.setMaxListeners(0);
    this.subscriber = createSubscriberClient(client, onError);
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      const message = parseInvalidationMessage(raw);
      if (message) this.emitter.emit('message', message);
    });
    this.subscribed = this.subscriber.subscribe(this.channel).then(
      () => true,
      (error: unknown) => {
        onError?.(error instanceof Error ? error : new Error(String(error)));
        return false;
      },
    );
  }

  /** True once the channel subscription is in place; false if it failed or took over `timeoutMs` (ioredis keeps trying). */
  ready(timeoutMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    return Promise.race([this.subscribed, timeout]).finally(() => clearTimeout(timer));
  }

  async publish(message: InvalidationMessage): Promise<void> {
    try {
      await withinCommandDeadline(this.client.publish(this.channel, JSON.stringify(message)), this.publishBudgetMs);
    } catch {
      // Best effort: the other replicas' in-process entries expire on their own shortly.
    }
  }

  subscribe(listener: (message: InvalidationMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriber.disconnect();
  }
}

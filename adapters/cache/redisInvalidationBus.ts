import { EventEmitter } from 'node:events';
import { withinCommandDeadline } from './commandDeadline';
import { DEFAULT_REDIS_COMMAND_BUDGET_MS } from './redisCacheStore';
import { createSubscriberClient, type RedisClient } from './redisConnection';
import { parseInvalidationMessage, type InvalidationBus, type InvalidationMessage } from './invalidationBus';

/**
 * Invalidations over Redis pub/sub on `<prefix>invalidate`. On a Cluster, PUBLISH reaches the
 * subscribers of every node, so one subscriber connection per replica is enough.
 *
 * Pub/sub delivers at most once: whatever is published while the subscriber connection is down
 * is gone. So the bus says when it is listening (from the moment the channel subscription is
 * confirmed until that connection closes) and tells `onMissedEvictions` listeners when it closes;
 * after ioredis reconnects, the channel is subscribed again and listening resumes once Redis
 * confirms it.
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly channel: string;
  private readonly subscriber: RedisClient;
  private readonly emitter = new EventEmitter();
  private listeningNow = false;
  /** Bumped by every lost connection: a subscription confirmed for an older connection does not count. */
  private connection = 0;
  private lostSinceListening = false;

  constructor(
    private readonly client: RedisClient,
    keyPrefix: string,
    private readonly onError?: (error: Error) => void,
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
    this.subscriber.on('close', () => this.lost());
    // ioredis re-subscribes by itself after a reconnect but says nothing when that is confirmed:
    // subscribing again (idempotent in Redis) gives a confirmation to wait for.
    this.subscriber.on('ready', () => {
      if (this.lostSinceListening) void this.listen();
    });
    void this.listen();
  }

  private async listen(): Promise<void> {
    const connection = this.connection;
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      this.onError?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (connection !== this.connection || this.listeningNow) return;
    this.listeningNow = true;
    this.lostSinceListening = false;
    this.emitter.emit('listening');
  }

  private lost(): void {
    this.connection += 1;
    this.lostSinceListening = true;
    if (!this.listeningNow) return;
    this.listeningNow = false;
    this.emitter.emit('missed');
  }

  /** True once the channel subscription is in place; false if it is not within `timeoutMs` (ioredis keeps trying). */
  ready(timeoutMs = 2000): Promise<boolean> {
    if (this.listeningNow) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.emitter.off('listening', onListening);
        resolve(value);
      };
      const onListening = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.emitter.on('listening', onListening);
    });
  }

  listening(): boolean {
    return this.listeningNow;
  }

  onMissedEvictions(listener: () => void): () => void {
    this.emitter.on('missed', listener);
    return () => this.emitter.off('missed', listener);
  }

  async publish(message: InvalidationMessage): Promise<void> {
    try {
      await withinCommandDeadline(this.client.publish(this.channel, JSON.stringify(message)), this.publishBudgetMs);
    } catch {
      // Best effort: a replica that stayed subscribed but missed this keeps its in-process entry
      // at most CACHE_L1_TTL_MS (invalidationBus.ts).
    }
  }

  subscribe(listener: (message: InvalidationMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }

  async close(): Promise<void> {
    this.listeningNow = false;
    this.emitter.removeAllListeners();
    this.subscriber.disconnect();
  }
}

import { EventEmitter } from 'node:events';
import { Cluster } from 'ioredis';
import { withinCommandDeadline } from './commandDeadline';
import { DEFAULT_REDIS_COMMAND_BUDGET_MS } from './redisCacheStore';
import { createSubscriberClient, type RedisClient } from './redisConnection';
import { parseInvalidationMessage, type InvalidationBus, type InvalidationMessage } from './invalidationBus';

/**
 * When a publish fails, it is tried again this long after (each delay after the previous try),
 * in the background: the replicas that stayed subscribed would otherwise keep the evicted entry
 * in their in-process layer until its TTL. Most failures are a dropped connection that ioredis
 * re-opens within a second. An eviction heard twice costs one miss.
 */
export const PUBLISH_RETRY_DELAYS_MS: readonly number[] = [100, 500, 2000, 5000];

/**
 * Invalidations over Redis pub/sub on `<prefix>invalidate`. On a Cluster, PUBLISH reaches the
 * subscribers of every node, so one subscriber connection per replica is enough.
 *
 * Pub/sub delivers at most once: whatever is published while the subscriber connection is down
 * is gone. So the bus says when it is listening (from the moment the channel subscription is
 * confirmed until that connection closes) and tells `onMissedEvictions` listeners when it closes;
 * after ioredis reconnects, the channel is subscribed again and listening resumes once Redis
 * confirms it. A SUBSCRIBE refused without the connection closing is tried again (1 s, doubling,
 * at most 30 s apart). On a Cluster, ioredis moves the subscription to another node when its
 * node fails without any event on the Cluster: a lost subscription is not seen there
 * (`seesLostSubscriptions` false).
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly channel: string;
  readonly seesLostSubscriptions: boolean;
  private readonly subscriber: RedisClient;
  private readonly emitter = new EventEmitter();
  private listeningNow = false;
  /** Bumped by every lost connection: a subscription confirmed for an older connection does not count. */
  private connection = 0;
  private lostSinceListening = false;
  private closed = false;
  private readonly retries = new Set<NodeJS.Timeout>();
  private listenAttempts = 0;

  constructor(
    private readonly client: RedisClient,
    keyPrefix: string,
    private readonly onError?: (error: Error) => void,
    /** Budget of one publish (the store's, default 100 ms): an eviction never waits on a Redis that stopped answering. */
    private readonly publishBudgetMs = DEFAULT_REDIS_COMMAND_BUDGET_MS,
  ) {
    this.channel = `${keyPrefix}invalidate`;
    this.seesLostSubscriptions = !(client instanceof Cluster);
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
      if (this.closed) return; // the SUBSCRIBE a close cut short is no error
      this.onError?.(error instanceof Error ? error : new Error(String(error)));
      // Refused with the connection up (an ACL, a Cluster with no node yet): no 'ready' will come to try again.
      this.lostSinceListening = true;
      this.later(Math.min(1000 * 2 ** this.listenAttempts, 30_000), () => {
        if (!this.listeningNow) void this.listen();
      });
      this.listenAttempts += 1;
      return;
    }
    if (this.closed || connection !== this.connection || this.listeningNow) return;
    this.listeningNow = true;
    this.lostSinceListening = false;
    this.listenAttempts = 0;
    this.emitter.emit('listening');
  }

  /** Runs `work` after `delayMs` unless the bus is closed first; never keeps the process alive. */
  private later(delayMs: number, work: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      work();
    }, delayMs);
    timer.unref();
    this.retries.add(timer);
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
      timer.unref();
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

  /** Never throws and never waits past one budget: a failed publish is retried in the background (PUBLISH_RETRY_DELAYS_MS). */
  async publish(message: InvalidationMessage): Promise<void> {
    const raw = JSON.stringify(message);
    if (!(await this.tryPublish(raw))) this.retryLater(raw, 0);
  }

  private async tryPublish(raw: string): Promise<boolean> {
    try {
      await withinCommandDeadline(this.client.publish(this.channel, raw), this.publishBudgetMs);
      return true;
    } catch {
      return false;
    }
  }

  /** After the last retry, a replica that stayed subscribed keeps the entry at most CACHE_L1_TTL_MS (invalidationBus.ts). */
  private retryLater(raw: string, attempt: number): void {
    if (attempt >= PUBLISH_RETRY_DELAYS_MS.length) return;
    this.later(PUBLISH_RETRY_DELAYS_MS[attempt], () => {
      void this.tryPublish(raw).then((published) => {
        if (!published) this.retryLater(raw, attempt + 1);
      });
    });
  }

  subscribe(listener: (message: InvalidationMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.listeningNow = false;
    this.emitter.removeAllListeners();
    this.subscriber.disconnect();
  }
}

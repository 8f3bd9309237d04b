import { EventEmitter } from 'node:events';
import type { SourceSystem } from '../canonical';
import { isSourceSystemName } from '../../systems/registry';

/** One party record (of one system) whose cached entries were dropped. */
export interface InvalidatedRecord {
  system: SourceSystem;
  localId: string;
}

export interface InvalidationMessage {
  /** The SystemCache that evicted (so it can ignore its own echo). */
  origin: string;
  records: InvalidatedRecord[];
}

/**
 * How an eviction reaches the other replicas' in-process layers. Publishing never fails the
 * eviction (the Redis bus tries it again in the background); what a replica may have missed is
 * said by `listening` and `onMissedEvictions`, so its in-process layer is used only while every
 * eviction reaches it (systemCache.ts). A message lost in a way no connection event shows (a
 * publish that failed on every retry while the replicas stayed subscribed) costs at most the
 * in-process layer's TTL (`CACHE_L1_TTL_MS`) of staleness in the replicas that missed it.
 */
export interface InvalidationBus {
  publish(message: InvalidationMessage): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (message: InvalidationMessage) => void): () => void;
  /** True while every eviction published reaches this replica: not before the subscription is in place, not while it is down. */
  listening(): boolean;
  /** Called when evictions may have been missed (the subscription was lost). Returns the unsubscribe function. */
  onMissedEvictions(listener: () => void): () => void;
  /**
   * Whether a lost subscription is always seen (then reported by `listening` and
   * `onMissedEvictions`). When not, the in-process layer keeps a short life (systemCache.ts).
   */
  readonly seesLostSubscriptions: boolean;
  close(): Promise<void>;
}

/** Every subscriber in this process (no Redis: replicas cannot share anything anyway). */
export class LocalInvalidationBus implements InvalidationBus {
  readonly seesLostSubscriptions: boolean = true;
  private readonly emitter = new EventEmitter();
  private closed = false;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(message: InvalidationMessage): Promise<void> {
    this.emitter.emit('message', message);
  }

  subscribe(listener: (message: InvalidationMessage) => void): () => void {
    this.emitter.on('message', listener);
    return () => this.emitter.off('message', listener);
  }

  /** In one process nothing is lost between publish and delivery. */
  listening(): boolean {
    return !this.closed;
  }

  onMissedEvictions(_listener: () => void): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
  }
}

/** A message from the channel, or null when it is not one of ours (never trust a shared channel). */
export function parseInvalidationMessage(raw: string): InvalidationMessage | null {
  try {
    const parsed = JSON.parse(raw) as Partial<InvalidationMessage> | null;
    if (!parsed || typeof parsed.origin !== 'string' || !Array.isArray(parsed.records)) return null;
    const records = parsed.records.filter(
      (r): r is InvalidatedRecord =>
        typeof r === 'object' && r !== null && isSourceSystemName((r as InvalidatedRecord).system) && typeof (r as InvalidatedRecord).localId === 'string',
    );
    return { origin: parsed.origin, records };
  } catch {
    return null;
  }
}

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
 * How an eviction reaches the other replicas' in-process layers. Publishing is best effort: a
 * lost message costs at most the in-process layer's short TTL of staleness.
 */
export interface InvalidationBus {
  publish(message: InvalidationMessage): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (message: InvalidationMessage) => void): () => void;
  close(): Promise<void>;
}

/** Every subscriber in this process (no Redis: replicas cannot share anything anyway). */
export class LocalInvalidationBus implements InvalidationBus {
  private readonly emitter = new EventEmitter();

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

  async close(): Promise<void> {
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

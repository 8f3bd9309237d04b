import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SourceSystem } from '../canonical';
import { BLIND_BUS_L1_TTL_MS, cacheConfigFromEnv, type CacheConfig, type SystemCachePolicy } from './cacheConfig';
import { entryKey, indexKey, recordKey } from './cacheKeys';
import { CacheMetrics } from './cacheMetrics';
import type { CacheEntry, CacheStore, CacheWrite } from './cacheStore';
import type { InvalidatedRecord, InvalidationBus, InvalidationMessage } from './invalidationBus';
import { currentRequestSignal, runWithSignal, SharedSignal } from '../kit/requestContext';
import { reportStale } from './requestScope';
import { isTransientUpstreamError } from './transientErrors';

/** Secondary ids of a cached value that change events may name instead of the record's own id. */
export interface SecondaryIndex<V> {
  /** The change-feed entity those ids belong to (e.g. `card`). */
  entity: string;
  ids(value: V): readonly string[];
}

export interface CachedBatchOptions<V> {
  index?: SecondaryIndex<V>;
}

/** What a change names: a record, or a secondary id (`entity` + its id) resolved through an index. */
export interface InvalidationTarget {
  system: SourceSystem;
  localId: string;
  /** The feed's entity; when it is an indexed secondary entity, its owner record is evicted too. */
  entity?: string;
}

export interface SystemCacheOptions {
  store: CacheStore;
  /** Carries evictions to the other replicas (default: none, this process only). */
  bus?: InvalidationBus;
  /** Default: `cacheConfigFromEnv(process.env)`. */
  config?: CacheConfig;
  /** Epoch milliseconds; injectable so freshness is testable without waiting. */
  clock?: () => number;
  metrics?: CacheMetrics;
  /**
   * An in-process layer in front of the store, at most the config's `l1TtlMs` old. Default: on
   * when the store is shared (Redis), where it saves a round trip; pointless over memory. It is
   * used only while the bus is listening, so every eviction in any replica reaches it.
   */
  l1?: boolean;
}

type BatchFetch<V> = (ids: string[]) => Promise<ReadonlyMap<string, V | null | undefined>>;

/**
 * Where a read stood when it started: the eviction `sequence`, and whether every eviction was
 * reaching this replica then (the bus listening). A value read may be kept only if nothing it
 * could predate happened meanwhile.
 */
interface ReadMark {
  at: number;
  heard: boolean;
}

/** L1 keeps the JSON text, so a caller mutating a value it got cannot change the cached one. */
interface L1Entry {
  json: string;
  storedAt: number;
}

/**
 * Read-through cache of the adapters' batch reads, per system policy:
 *  - fresh entries (younger than the TTL) are served without a call;
 *  - the other ids go upstream in one call, shared with any identical read already in flight in
 *    this process (per id), and are stored, not-found (`null`) included;
 *  - when that call fails transiently, entries up to `maxStaleMs` past their TTL are served and
 *    the staleness is reported to the request scope; an id with nothing to fall back on rethrows.
 * Evictions (`invalidate`) remove every entity cached for a record and reach the other replicas'
 * in-process layers over the bus.
 */
export class SystemCache {
  readonly metrics: CacheMetrics;
  readonly config: CacheConfig;
  private readonly store: CacheStore;
  private readonly bus: InvalidationBus | undefined;
  private readonly clock: () => number;
  private readonly origin = randomUUID();
  private readonly entities = new Map<SourceSystem, Set<string>>();
  private readonly inflight = new Map<string, { promise: Promise<unknown>; shared: SharedSignal }>();
  private readonly l1: LRUCache<string, L1Entry> | null;
  /**
   * Eviction sequence per record: a fetch that started before a record was evicted must not
   * write back what it read (it may predate the change).
   */
  private sequence = 0;
  /** `sequence` when the bus last lost evictions: nothing read before then may enter the in-process layer. */
  private missedAt = 0;
  private readonly evictedAt: LRUCache<string, number>;
  private readonly listeners = new Set<(records: InvalidatedRecord[]) => void>();
  private readonly unsubscribe: () => void;
  private readonly unsubscribeMissed: () => void;

  constructor(options: SystemCacheOptions) {
    this.store = options.store;
    this.bus = options.bus;
    this.config = options.config ?? cacheConfigFromEnv();
    this.clock = options.clock ?? Date.now;
    this.metrics = options.metrics ?? new CacheMetrics();
    const useL1 = (options.l1 ?? this.store.kind === 'redis') && this.config.l1TtlMs > 0;
    // A bus that cannot see its subscription lost (Redis Cluster) cannot vouch for the layer: it keeps the short life.
    const l1TtlMs = this.bus && !this.bus.seesLostSubscriptions ? Math.min(this.config.l1TtlMs, BLIND_BUS_L1_TTL_MS) : this.config.l1TtlMs;
    this.l1 = useL1 ? new LRUCache<string, L1Entry>({ max: this.config.l1MaxEntries, ttl: l1TtlMs }) : null;
    this.evictedAt = new LRUCache<string, number>({ max: 100_000, ttl: 10 * 60_000 });
    this.unsubscribe = this.bus?.subscribe((message) => this.onRemoteInvalidation(message)) ?? (() => undefined);
    this.unsubscribeMissed = this.bus?.onMissedEvictions(() => this.forgetAllLocally()) ?? (() => undefined);
  }

  /** Entities cached per record of `system`: evicting a record drops all of them. */
  registerEntities(system: SourceSystem, entities: readonly string[]): void {
    const known = this.entities.get(system) ?? new Set<string>();
    for (const entity of entities) known.add(entity);
    this.entities.set(system, known);
  }

  async cachedBatch<V>(
    system: SourceSystem,
    entity: string,
    ids: readonly string[],
    fetchMissing: BatchFetch<V>,
    options: CachedBatchOptions<V> = {},
  ): Promise<Map<string, V | null>> {
    const policy = this.config.systems[system];
    const unique = [...new Set(ids)];
    if (policy.ttlMs <= 0 || unique.length === 0) return inOrder(unique, await fetchMissing(unique));
    this.registerEntities(system, [entity]);

    const now = this.clock();
    const fresh = (entry: CacheEntry) => now - entry.storedAt < freshFor(policy, entry.value);
    const usable = (entry: CacheEntry) => now - entry.storedAt <= freshFor(policy, entry.value) + policy.maxStaleMs;
    const found = new Map<string, V | null>();
    const stale = new Map<string, CacheEntry>();

    let remaining = unique;
    const mark = this.readMark();
    if (this.l1 && this.l1InUse()) {
      remaining = [];
      for (const id of unique) {
        const cached = this.l1.get(entryKey(system, entity, id));
        const entry = cached && { value: JSON.parse(cached.json) as unknown, storedAt: cached.storedAt };
        if (entry && fresh(entry)) found.set(id, entry.value as V | null);
        else remaining.push(id);
      }
    }
    const missing: string[] = [];
    if (remaining.length > 0) {
      const entries = await this.store.mget(remaining.map((id) => entryKey(system, entity, id)));
      remaining.forEach((id, i) => {
        const entry = entries[i];
        if (entry && fresh(entry)) {
          found.set(id, entry.value as V | null);
          if (this.mayKeepLocally(system, id, mark)) this.l1?.set(entryKey(system, entity, id), { json: JSON.stringify(entry.value), storedAt: entry.storedAt });
        } else {
          if (entry && usable(entry)) stale.set(id, entry);
          missing.push(id);
        }
      });
    }
    this.metrics.record(system, 'hit', found.size);
    this.metrics.record(system, 'miss', missing.length);
    if (missing.length === 0) return inOrder(unique, found);

    const waits = this.fetchCoalesced(system, entity, missing, fetchMissing, policy, options.index);
    const settled = await Promise.allSettled(waits);
    let oldest = -1;
    let staleCount = 0;
    for (let i = 0; i < missing.length; i += 1) {
      const outcome = settled[i];
      const id = missing[i];
      if (outcome.status === 'fulfilled') {
        found.set(id, outcome.value as V | null);
        continue;
      }
      const fallback = stale.get(id);
      if (!fallback || !isTransientUpstreamError(outcome.reason)) throw outcome.reason;
      found.set(id, fallback.value as V | null);
      oldest = Math.max(oldest, this.clock() - fallback.storedAt);
      staleCount += 1;
    }
    if (staleCount > 0) {
      this.metrics.record(system, 'stale', staleCount);
      reportStale({ system, ageMs: oldest });
    }
    return inOrder(unique, found);
  }

  /**
   * One upstream call for the ids nobody is fetching yet; ids already in flight (from another
   * request in this process) wait for that call instead. Returns one promise per id, in order.
   */
  private fetchCoalesced<V>(
    system: SourceSystem,
    entity: string,
    ids: string[],
    fetchMissing: BatchFetch<V>,
    policy: SystemCachePolicy,
    index: SecondaryIndex<V> | undefined,
  ): Array<Promise<unknown>> {
    const flightKey = (id: string) => entryKey(system, entity, id);
    // A call in flight serves every request that waits for it, so it is cancelled only when all
    // of them have gone (a client hanging up must not fail another client's read).
    const signal = currentRequestSignal();
    const joined = new Set<SharedSignal>();
    const toStart = ids.filter((id) => {
      const flight = this.inflight.get(flightKey(id));
      if (!flight) return true;
      if (joined.has(flight.shared)) return false;
      if (!flight.shared.join(signal)) return true;
      joined.add(flight.shared);
      return false;
    });
    if (toStart.length > 0) {
      const mark = this.readMark();
      const shared = new SharedSignal();
      shared.join(signal);
      const call = Promise.resolve()
        .then(() => runWithSignal(shared.signal, () => fetchMissing(toStart)))
        .then(async (result) => {
          await this.storeFetched(system, entity, toStart, result, mark, policy, index);
          return result;
        });
      for (const id of toStart) {
        const key = flightKey(id);
        const flight = { promise: call.then((result) => result.get(id) ?? null), shared };
        this.inflight.set(key, flight);
        const forget = () => {
          if (this.inflight.get(key) === flight) this.inflight.delete(key);
        };
        flight.promise.then(forget, forget);
      }
    }
    return ids.map((id) => this.inflight.get(flightKey(id))!.promise);
  }

  private async storeFetched<V>(
    system: SourceSystem,
    entity: string,
    ids: string[],
    result: ReadonlyMap<string, V | null | undefined>,
    mark: ReadMark,
    policy: SystemCachePolicy,
    index: SecondaryIndex<V> | undefined,
  ): Promise<void> {
    const storedAt = this.clock();
    const writes: CacheWrite[] = [];
    for (const id of ids) {
      // Evicted while we were reading, or evictions may have been missed meanwhile: what we read
      // may predate the change, so do not keep it, here or in the shared store.
      if (this.evictedSince(system, id, mark) || this.mayHaveMissed(mark)) continue;
      const value = result.get(id) ?? null;
      const ttlMs = freshFor(policy, value) + policy.maxStaleMs;
      const key = entryKey(system, entity, id);
      writes.push({ key, entry: { value, storedAt }, ttlMs });
      if (this.mayKeepLocally(system, id, mark)) this.l1?.set(key, { json: JSON.stringify(value), storedAt });
      if (index && value !== null) {
        for (const secondary of index.ids(value)) writes.push({ key: indexKey(system, index.entity, secondary), entry: { value: id, storedAt }, ttlMs });
      }
    }
    await this.store.mset(writes);
  }

  /**
   * Evicts every cached entity of the named records (and of the records owning a named secondary
   * id), here and in every replica's in-process layer.
   */
  async invalidate(targets: readonly InvalidationTarget[]): Promise<void> {
    if (targets.length === 0) return;
    const records = new Map<string, InvalidatedRecord>();
    for (const target of targets) records.set(recordKey(target.system, target.localId), { system: target.system, localId: target.localId });
    const indexed = targets.filter((t): t is Required<InvalidationTarget> => t.entity !== undefined);
    if (indexed.length > 0) {
      const owners = await this.store.mget(indexed.map((t) => indexKey(t.system, t.entity, t.localId)));
      owners.forEach((owner, i) => {
        if (owner && typeof owner.value === 'string') {
          const system = indexed[i].system;
          records.set(recordKey(system, owner.value), { system, localId: owner.value });
        }
      });
    }
    const list = [...records.values()];
    this.forgetLocally(list);
    await this.store.del(list.flatMap((record) => this.keysOf(record)));
    await this.bus?.publish({ origin: this.origin, records: list });
    this.notify(list);
  }

  /** Called with every record evicted, here or (over the bus) by another replica. */
  onInvalidate(listener: (records: InvalidatedRecord[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.unsubscribeMissed();
    this.listeners.clear();
  }

  private keysOf(record: InvalidatedRecord): string[] {
    return [...(this.entities.get(record.system) ?? [])].map((entity) => entryKey(record.system, entity, record.localId));
  }

  private readMark(): ReadMark {
    return { at: this.sequence, heard: this.bus?.listening() ?? true };
  }

  /** Whether evictions may have failed to reach this replica during a read (not listening when it started, or lost since). */
  private mayHaveMissed(mark: ReadMark): boolean {
    return !mark.heard || this.missedAt > mark.at;
  }

  private evictedSince(system: SourceSystem, id: string, mark: ReadMark): boolean {
    return (this.evictedAt.get(recordKey(system, id)) ?? -1) > mark.at;
  }

  /**
   * The in-process layer is trusted only while every eviction reaches this replica: while the
   * bus listens; without a bus, only over a store no other replica shares.
   */
  private l1InUse(): boolean {
    return this.l1 !== null && (this.bus ? this.bus.listening() : this.store.kind !== 'redis');
  }

  /**
   * Whether a value read since `mark` may enter the in-process layer: not if its record was
   * evicted meanwhile (the read may predate the change; the store is the one that will be right),
   * nor if evictions may have been missed meanwhile, nor while the layer is not in use.
   */
  private mayKeepLocally(system: SourceSystem, id: string, mark: ReadMark): boolean {
    return this.l1InUse() && !this.mayHaveMissed(mark) && !this.evictedSince(system, id, mark);
  }

  /** The bus may have lost evictions: nothing in the in-process layer can be trusted. */
  private forgetAllLocally(): void {
    this.sequence += 1;
    this.missedAt = this.sequence;
    this.l1?.clear();
  }

  private forgetLocally(records: readonly InvalidatedRecord[]): void {
    this.sequence += 1;
    for (const record of records) {
      this.evictedAt.set(recordKey(record.system, record.localId), this.sequence);
      if (this.l1) for (const key of this.keysOf(record)) this.l1.delete(key);
    }
  }

  private onRemoteInvalidation(message: InvalidationMessage): void {
    if (message.origin === this.origin) return;
    this.forgetLocally(message.records);
    this.notify(message.records);
  }

  private notify(records: InvalidatedRecord[]): void {
    for (const listener of this.listeners) {
      try {
        listener(records);
      } catch {
        // A failing listener must not stop the eviction reaching the others.
      }
    }
  }
}

function freshFor(policy: SystemCachePolicy, value: unknown): number {
  return value === null ? policy.notFoundTtlMs : policy.ttlMs;
}

/** An entry for every requested id, in request order; an id the answer left out is not found. */
function inOrder<V>(ids: readonly string[], found: ReadonlyMap<string, V | null | undefined>): Map<string, V | null> {
  return new Map(ids.map((id) => [id, found.get(id) ?? null]));
}

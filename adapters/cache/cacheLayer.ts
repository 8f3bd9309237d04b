import type { CallCenterAdapter } from '../call-center';
import type { CardsAdapter } from '../cards';
import type { CoreBankingAdapter } from '../core-banking';
import type { ErpAdapter } from '../erp';
import { CALL_CENTER_CACHE, CALL_CENTER_CACHE_WRITES, CARDS_CACHE, CARDS_SINGLES, CORE_BANKING_CACHE, CORE_BANKING_SINGLES, ERP_CACHE } from './adapterCacheSpecs';
import { cacheConfigFromEnv } from './cacheConfig';
import { createCacheBackendFromEnv, type CacheBackend } from './cacheFromEnv';
import { changePollMsFromEnv, createChangeWatcher, type ChangeWatcher } from './changeWatcher';
import { SystemCache } from './systemCache';
import { withCache } from './withCache';

export interface SourceAdapters {
  coreBanking: CoreBankingAdapter;
  cards: CardsAdapter;
  erp: ErpAdapter;
  callCenter: CallCenterAdapter;
}

export interface CacheLayer {
  /** The same adapters, their batch reads cached (hand these to the system subgraphs). */
  adapters: SourceAdapters;
  cache: SystemCache;
  backend: CacheBackend;
  /** Null when `CHANGE_POLL_MS=0` (no change-feed polling). */
  watcher: ChangeWatcher | null;
  close(): Promise<void>;
}

export interface CacheLayerOptions {
  env?: NodeJS.ProcessEnv;
  /** Redis and change-feed failures (never customer data); they never fail a read. */
  onError?: (error: unknown) => void;
  /** How long startup waits for Redis before starting cold (default 1000 ms; it reconnects later). */
  redisWaitMs?: number;
}

/**
 * The whole caching layer in one call: store + bus from the environment, one SystemCache, the
 * four adapters wrapped, and a change watcher on their feeds (started at the feed heads).
 */
export async function startCacheLayer(raw: SourceAdapters, options: CacheLayerOptions = {}): Promise<CacheLayer> {
  const env = options.env ?? process.env;
  const backend = createCacheBackendFromEnv(env, { onError: options.onError });
  await backend.ready(options.redisWaitMs ?? 1000);
  const cache = new SystemCache({ store: backend.store, bus: backend.bus, config: cacheConfigFromEnv(env) });
  const adapters: SourceAdapters = {
    coreBanking: withCache(raw.coreBanking, cache, CORE_BANKING_CACHE, CORE_BANKING_SINGLES),
    cards: withCache(raw.cards, cache, CARDS_CACHE, CARDS_SINGLES),
    erp: withCache(raw.erp, cache, ERP_CACHE),
    callCenter: withCache(raw.callCenter, cache, CALL_CENTER_CACHE, CALL_CENTER_CACHE_WRITES),
  };
  const intervalMs = changePollMsFromEnv(env);
  const watcher =
    intervalMs > 0
      ? createChangeWatcher({
          sources: [raw.coreBanking, raw.cards, raw.erp, raw.callCenter],
          invalidate: (targets) => cache.invalidate(targets),
          intervalMs,
          onError: (_system, error) => options.onError?.(error),
        })
      : null;
  await watcher?.start();
  return {
    adapters,
    cache,
    backend,
    watcher,
    async close() {
      watcher?.stop();
      cache.close();
      await backend.close();
    },
  };
}

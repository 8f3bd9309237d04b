import type { ChangeEvent, ChangePage, SourceSystem } from '../canonical';
import type { InvalidationTarget } from './systemCache';

/** What the watcher needs of an adapter: its change feed. */
export interface ChangeFeedSource {
  readonly system: SourceSystem;
  changes(cursor?: string): Promise<ChangePage>;
}

export interface ChangeWatcherOptions {
  sources: readonly ChangeFeedSource[];
  /** Where evictions go (usually `systemCache.invalidate`). */
  invalidate: (targets: InvalidationTarget[]) => Promise<void>;
  /** Poll interval (default `CHANGE_POLL_MS` or 250 ms). */
  intervalMs?: number;
  /** Most pages read from one feed per poll (a burst larger than this continues next poll). */
  maxPagesPerPoll?: number;
  /** Told when a feed cannot be read (the watcher keeps its cursor and tries again next poll). */
  onError?: (system: SourceSystem, error: unknown) => void;
}

export interface ChangeWatcher {
  /** Finds each feed's head (history is read through, not evicted), then polls. */
  start(): Promise<void>;
  /** One poll of every feed; resolves when their changes are evicted (tests, manual catch-up). */
  pollOnce(): Promise<void>;
  /** Called with each batch of changes after it was evicted (e.g. identity resolution). */
  onInvalidate(listener: (changes: ChangeEvent[]) => void): () => void;
  stop(): void;
}

/** `CHANGE_POLL_MS` (default 250); 0 means do not poll (the cache then relies on its TTLs). */
export function changePollMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CHANGE_POLL_MS?.trim();
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= 0 ? value : 250;
}

/**
 * Follows every adapter's change feed and evicts what changed. Each feed has its own loop (a slow
 * or failing system does not delay the others) scheduled after the previous poll finished, so
 * polls never overlap. Every replica may run one: evicting twice is harmless.
 */
export function createChangeWatcher(options: ChangeWatcherOptions): ChangeWatcher {
  const intervalMs = options.intervalMs ?? changePollMsFromEnv();
  const maxPages = options.maxPagesPerPoll ?? 20;
  const listeners = new Set<(changes: ChangeEvent[]) => void>();
  const cursors = new Map<SourceSystem, string | undefined>();
  const headKnown = new Set<SourceSystem>();
  const timers = new Map<SourceSystem, NodeJS.Timeout>();
  const running = new Map<SourceSystem, Promise<void>>();
  let stopped = true;

  /** Reads towards the end of the feed; true once there. `evict`: false while only looking for the head. */
  async function drain(source: ChangeFeedSource, evict: boolean): Promise<boolean> {
    for (let page = 0; page < maxPages; page += 1) {
      const cursor = cursors.get(source.system);
      const { changes, nextCursor } = await source.changes(cursor);
      if (evict && changes.length > 0) {
        await options.invalidate(changes.map((c) => ({ system: c.system, localId: c.localId, entity: c.entity })));
        for (const listener of listeners) {
          try {
            listener(changes);
          } catch {
            // One listener's failure must not stop the feed.
          }
        }
      }
      // Advance only after evicting: a failed eviction is retried from the same cursor.
      cursors.set(source.system, nextCursor);
      if (changes.length === 0 || nextCursor === cursor) return true;
    }
    return false;
  }

  async function poll(source: ChangeFeedSource): Promise<void> {
    try {
      if (!headKnown.has(source.system)) {
        if (await drain(source, false)) headKnown.add(source.system);
        return;
      }
      await drain(source, true);
    } catch (error) {
      options.onError?.(source.system, error);
    }
  }

  /** Polls one source now, or joins the poll already running. */
  function pollSource(source: ChangeFeedSource): Promise<void> {
    const current = running.get(source.system);
    if (current) return current;
    const started = poll(source).finally(() => running.delete(source.system));
    running.set(source.system, started);
    return started;
  }

  function schedule(source: ChangeFeedSource): void {
    if (stopped) return;
    const timer = setTimeout(() => {
      void pollSource(source).then(() => schedule(source));
    }, intervalMs);
    timer.unref();
    timers.set(source.system, timer);
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      await Promise.all(options.sources.map((source) => pollSource(source)));
      for (const source of options.sources) schedule(source);
    },
    async pollOnce() {
      // A poll already running may have read the feed before the caller's change: run a new one after it.
      await Promise.all(
        options.sources.map(async (source) => {
          await running.get(source.system);
          await pollSource(source);
        }),
      );
    },
    onInvalidate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

import type { ChangeEvent, ChangePage, SourceSystem } from '../canonical';
import type { InvalidationTarget } from './systemCache';

/** What a follower needs of an adapter: its change feed. */
export interface ChangeFeedSource {
  readonly system: SourceSystem;
  changes(cursor?: string): Promise<ChangePage>;
}

/** One page of one system's feed, with the cursor it was read from. */
export interface FollowedPage {
  system: SourceSystem;
  /** The cursor the page was read from (undefined: the feed's start). */
  cursor: string | undefined;
  nextCursor: string;
  changes: ChangeEvent[];
}

export interface FeedFollowerOptions {
  sources: readonly ChangeFeedSource[];
  /**
   * Where a system's feed is to be read from now. Asked before every poll, so a cursor kept
   * elsewhere (a database, after another process advanced it) is always the one used.
   * `findingHead`: the pages are only being skipped to reach the feed's head (history is not
   * replayed); they are handed over all the same, so the cursor moves on.
   */
  cursorOf(system: SourceSystem): Promise<{ cursor: string | undefined; findingHead: boolean }>;
  /**
   * Handles one page and makes its cursor the system's new one (e.g. in the transaction that
   * applies it). A rejection leaves the cursor where it was: the page is read again next poll.
   * Empty pages are handed over only while finding the head (the last one says it is reached).
   */
  handle(page: FollowedPage, findingHead: boolean): Promise<void>;
  /** Poll interval in ms. */
  intervalMs: number;
  /** Most pages read from one feed per poll (a burst larger than this continues next poll). */
  maxPagesPerPoll?: number;
  /** Told when a feed cannot be read or a page cannot be handled (retried next poll). */
  onError?: (system: SourceSystem, error: unknown) => void;
}

export interface FeedFollower {
  /** Polls every feed once (finding the heads of unknown ones), then keeps polling. */
  start(): Promise<void>;
  /** One poll of every feed; resolves when their pages are handled (tests, manual catch-up). */
  pollOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The one loop that reads the legacy systems' change feeds. Each feed has its own loop (a slow
 * or failing system neither delays nor loses the others' changes) scheduled after its previous
 * poll finished, so polls of one feed never overlap, and its cursor only moves when `handle`
 * has taken a page.
 */
export function createFeedFollower(options: FeedFollowerOptions): FeedFollower {
  const maxPages = options.maxPagesPerPoll ?? 20;
  const timers = new Map<SourceSystem, NodeJS.Timeout>();
  const running = new Map<SourceSystem, Promise<void>>();
  let stopped = true;

  async function poll(source: ChangeFeedSource): Promise<void> {
    try {
      const start = await options.cursorOf(source.system);
      const findingHead = start.findingHead;
      let cursor = start.cursor;
      for (let page = 0; page < maxPages && !(stopped && page > 0); page += 1) {
        const { changes, nextCursor } = await source.changes(cursor);
        const done = changes.length === 0 || nextCursor === cursor;
        if (changes.length > 0 || findingHead) await options.handle({ system: source.system, cursor, nextCursor, changes }, findingHead);
        cursor = nextCursor;
        if (done) return;
      }
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
    }, options.intervalMs);
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
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...running.values()]);
    },
  };
}

export interface ChangeWatcherOptions {
  sources: readonly ChangeFeedSource[];
  /** Where evictions go (usually `systemCache.invalidate`). */
  invalidate: (targets: InvalidationTarget[]) => Promise<void>;
  /** Poll interval (default `CHANGE_POLL_MS` or 250 ms). */
  intervalMs?: number;
  maxPagesPerPoll?: number;
  /** Told when a feed cannot be read (the watcher keeps its cursor and tries again next poll). */
  onError?: (system: SourceSystem, error: unknown) => void;
}

export interface ChangeWatcher {
  /** Finds each feed's head (history is read through, not evicted), then polls. */
  start(): Promise<void>;
  pollOnce(): Promise<void>;
  /** Called with each batch of changes after it was evicted. */
  onInvalidate(listener: (changes: ChangeEvent[]) => void): () => void;
  stop(): void;
}

/** `CHANGE_POLL_MS` (default 250); 0 means do not poll (the cache then relies on its TTLs). */
export function changePollMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CHANGE_POLL_MS?.trim();
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= 0 ? value : 250;
}

/** Changes as cache eviction targets. */
export function invalidationTargets(changes: readonly ChangeEvent[]): InvalidationTarget[] {
  return changes.map((c) => ({ system: c.system, localId: c.localId, entity: c.entity }));
}

/**
 * A follower whose only job is cache eviction, cursors in memory: for a cache deployed without
 * the identity service. In the product the identity follower reads the feeds once for both
 * (subgraphs/identity/identityFollower.ts) and no watcher runs.
 */
export function createChangeWatcher(options: ChangeWatcherOptions): ChangeWatcher {
  const cursors = new Map<SourceSystem, string>();
  const headKnown = new Set<SourceSystem>();
  const listeners = new Set<(changes: ChangeEvent[]) => void>();
  const follower = createFeedFollower({
    sources: options.sources,
    intervalMs: options.intervalMs ?? changePollMsFromEnv(),
    maxPagesPerPoll: options.maxPagesPerPoll,
    onError: options.onError,
    cursorOf: async (system) => ({ cursor: cursors.get(system), findingHead: !headKnown.has(system) }),
    async handle(page, findingHead) {
      if (!findingHead) {
        await options.invalidate(invalidationTargets(page.changes));
        for (const listener of listeners) {
          try {
            listener(page.changes);
          } catch {
            // One listener's failure must not stop the feed.
          }
        }
      }
      cursors.set(page.system, page.nextCursor);
      // The head is reached once a read returns nothing new.
      if (findingHead && (page.changes.length === 0 || page.nextCursor === page.cursor)) headKnown.add(page.system);
    },
  });
  return {
    start: () => follower.start(),
    pollOnce: () => follower.pollOnce(),
    onInvalidate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => void follower.stop(),
  };
}

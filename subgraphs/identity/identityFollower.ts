import type { Kysely } from 'kysely';
import type { ChangeEvent, SourceParty, SourceSystem } from '../../adapters/canonical';
import { createFeedFollower, type FeedFollower, type FollowedPage } from '../../adapters/cache/changeWatcher';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';
import type { Schema } from '../../db/schema';
import { applyFeedPage, type FeedPageOutcome } from './store/identityWrites';

export interface IdentityFollowerOptions {
  db: Kysely<Schema>;
  adapters: readonly SourceAdapter[];
  intervalMs: number;
  /**
   * Evicts cached reads of what a page names (the cache layer's `invalidateChanges`), before the
   * page is applied. Best effort: a failure is reported and the page is still applied (cached
   * entries then expire by their TTL).
   */
  invalidate?: (changes: readonly ChangeEvent[]) => Promise<void>;
  onError?: (system: SourceSystem, error: unknown) => void;
  /** Told after a page was applied (metrics, tests). */
  onApplied?: (page: FollowedPage, outcome: FeedPageOutcome) => void;
}

/**
 * The one reader of the legacy systems' change feeds. Each page is read once and serves both
 * consumers: the cache (evictions, published on the bus to every replica) and identity
 * resolution (the changed records applied with the cursor in one transaction, see
 * applyFeedPage). Cursors live in the database, read before every poll, so a restart or another
 * process taking over resumes exactly where the last committed page ended.
 */
export function createIdentityFollower(options: IdentityFollowerOptions): FeedFollower {
  const bySystem = new Map(options.adapters.map((adapter) => [adapter.system, adapter]));
  return createFeedFollower({
    sources: options.adapters,
    intervalMs: options.intervalMs,
    onError: options.onError,
    async cursorOf(system) {
      const row = await options.db.selectFrom('feed_cursors').select('cursor').where('system', '=', system).executeTakeFirst();
      return { cursor: row?.cursor, findingHead: false };
    },
    async handle(page) {
      if (options.invalidate) await options.invalidate(page.changes).catch((error: unknown) => options.onError?.(page.system, error));
      const adapter = bySystem.get(page.system)!;
      const ids = [...new Set(page.changes.filter((c) => c.entity === 'party').map((c) => c.localId))];
      const parties: SourceParty[] = [];
      if (ids.length > 0) {
        // The records as they are now: a later change of the same record is then already in (re-applying it is harmless).
        for (const party of (await adapter.getParties(ids)).values()) if (party) parties.push(party);
      }
      const outcome = await applyFeedPage(options.db, page, parties);
      options.onApplied?.(page, outcome);
    },
  });
}

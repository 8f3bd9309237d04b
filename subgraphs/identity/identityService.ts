import type { Kysely } from 'kysely';
import type { ChangeEvent, SourceSystem } from '../../adapters/canonical';
import type { FeedFollower } from '../../adapters/cache/changeWatcher';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';
import type { Database } from '../../db/database';
import type { Schema } from '../../db/schema';
import { createIdentityFollower } from './identityFollower';
import { startLeadership, type Leadership } from './leadership';
import type { SourceRef } from './matcherApi';
import { initialLoad, isLoaded, type InitialLoadStats } from './store/initialLoad';
import { refreshPlannerStatistics } from './store/plannerStatistics';
import { decide, type DecisionOutcome, type StewardDecision, type StewardDecisionKind } from './store/identityWrites';
import { IDENTITY_LOCKS } from './store/locks';
import { reindexIfRulesChanged } from './store/reindex';
import { retrainStore, type RetrainOutcome } from './store/retrainStore';

export type { StewardDecision, StewardDecisionKind } from './store/identityWrites';

/** Where steward decisions are also recorded (the audit trail), after they are stored. */
export interface IdentityRecorder {
  stewardDecision(decision: StewardDecision, customerIds: string[]): void | Promise<void>;
}

export interface IdentityServiceOptions {
  database: Database;
  adapters: readonly SourceAdapter[];
  /** How often the leader polls the change feeds, in ms (0: it does not follow them). */
  pollMs: number;
  /** Cache eviction for each page read (the one follower serves the cache too). */
  invalidate?: (changes: readonly ChangeEvent[]) => Promise<void>;
  recorder?: IdentityRecorder;
  /** How often a standby replica tries to become the follower (default 1000 ms). */
  leaderRetryMs?: number;
  /** Feed, load and leadership failures (never customer data). */
  onError?: (error: unknown, system?: SourceSystem) => void;
  onLoaded?: (stats: InitialLoadStats) => void;
  /** Each stage of an initial load as it ends (a system's records read, matched, written; counts only, never customer data). */
  onLoadProgress?: (stage: string) => void;
}

/**
 * Identity resolution as a running service over the store of record. Every replica serves reads
 * straight from the database; exactly one (the holder of the follower lock) loads an empty store
 * and follows the change feeds; steward decisions can be made on any replica (writes serialise on
 * a transaction lock). The process keeps no crosswalk: its memory does not grow with the
 * population.
 */
export class IdentityService {
  private follower: FeedFollower | null = null;
  private leadership!: Leadership;
  private closed = false;
  private appliedInPoll = 0;
  /** The retrain this process is running: a second request while it runs gets the same outcome. */
  private retraining: Promise<RetrainOutcome> | null = null;
  /** Why this process, leading an empty store, could not load it (start() then fails with it). */
  private loadError: unknown = null;

  private constructor(private readonly options: IdentityServiceOptions) {}

  /**
   * Starts the service; resolves once the store holds a resolution (loaded by this or another
   * replica), or rejects when this process had to load it and could not (a system down at the
   * first start): nothing was written, the next start loads again.
   */
  static async start(options: IdentityServiceOptions): Promise<IdentityService> {
    const service = new IdentityService(options);
    service.leadership = startLeadership({
      database: options.database,
      lockKey: IDENTITY_LOCKS.FOLLOWER,
      retryMs: options.leaderRetryMs,
      onError: (error) => options.onError?.(error),
      onLead: () =>
        service.lead().catch((error: unknown) => {
          service.loadError ??= error;
          throw error;
        }),
    });
    try {
      // A replica that takes the lock now must have its follower in place before it reports
      // started, or a poll asked for at once would find none and apply nothing.
      await service.leadership.firstAttempt;
      await service.waitUntilLoaded();
    } catch (error) {
      await service.close();
      throw error;
    }
    return service;
  }

  get db(): Kysely<Schema> {
    return this.options.database.db;
  }

  isLeader(): boolean {
    return this.leadership.isLeader();
  }

  /**
   * One poll of every feed (only the leader follows). Resolves with how many source records were
   * applied. Concurrent calls share the running poll.
   */
  async pollChanges(): Promise<number> {
    if (!this.follower) return 0;
    this.appliedInPoll = 0;
    await this.follower.pollOnce();
    return this.appliedInPoll;
  }

  /** Stops the timed polling (the service stays the leader; `pollChanges` still works). */
  async stopFollowing(): Promise<void> {
    await this.follower?.stop();
  }

  async link(a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<DecisionOutcome> {
    return this.decide('LINK', a, b, decidedBy, reason);
  }

  async unlink(a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<DecisionOutcome> {
    return this.decide('UNLINK', a, b, decidedBy, reason);
  }

  /**
   * Retrains the match model on the store's records and re-scores everyone (store/retrainStore.ts).
   * Requests on this process while one runs share it (coalesced); a retrain running on another
   * replica makes this one fail with RetrainInProgressError (refused, nothing written). The
   * change records the request that started the retrain (who, why).
   */
  retrain(requestedBy: string, reason: string): Promise<RetrainOutcome> {
    this.retraining ??= retrainStore(this.db, { requestedBy, reason }).finally(() => {
      this.retraining = null;
    });
    return this.retraining;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.leadership?.stop();
  }

  private async decide(kind: StewardDecisionKind, a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<DecisionOutcome> {
    const outcome = await decide(this.db, kind, a, b, decidedBy, reason);
    if ('decision' in outcome) await this.options.recorder?.stewardDecision(outcome.decision, outcome.customerIds);
    return outcome;
  }

  /** Becoming the leader: load an empty store, rebuild keys for new blocking rules, follow the feeds. */
  private async lead(): Promise<() => Promise<void>> {
    if (!(await isLoaded(this.db))) {
      const stats = await initialLoad(this.db, this.options.adapters, this.options.onLoadProgress);
      if (stats.records > 0) this.options.onLoaded?.(stats);
    }
    await reindexIfRulesChanged(this.db);
    // After a bulk load (or on a store loaded before statistics were gathered): without them
    // every per-request read is planned as if the tables were tiny (plannerStatistics.ts). In
    // the background: it must never hold up following (it waits for any lock a writer holds on
    // a table it samples); a failure only leaves the plans as they were.
    const statistics = refreshPlannerStatistics(this.db).catch((error: unknown) => this.options.onError?.(error));
    const follower = createIdentityFollower({
      db: this.db,
      adapters: this.options.adapters,
      intervalMs: Math.max(1, this.options.pollMs),
      invalidate: this.options.invalidate,
      onError: (system, error) => this.options.onError?.(error, system),
      onApplied: (_page, outcome) => {
        this.appliedInPoll += outcome.records;
      },
    });
    this.follower = follower;
    // Not awaited: leading is set up once the follower exists; its first poll (which may wait on
    // a lock another writer holds) must not hold up the start. start() never rejects.
    if (this.options.pollMs > 0) void follower.start();
    return async () => {
      this.follower = null;
      await follower.stop();
      await statistics;
    };
  }

  private async waitUntilLoaded(): Promise<void> {
    for (;;) {
      if (this.closed) throw new Error('identity service closed before the store was loaded');
      if (await isLoaded(this.db)) return;
      // Fail closed rather than wait for ever: a system that cannot be extracted stops the start.
      if (this.loadError) throw this.loadError;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

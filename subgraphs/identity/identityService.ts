import type { SourceParty } from '../../adapters/canonical';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';
import { applyChanges, clustersOf, createResolutionState, type IdentityEvent, type ResolutionState } from './domain/incrementalResolution';
import { sourceKey } from './domain/normalisedParty';
import type { SourceRef, StewardOverrides } from './domain/stewardOverrides';
import { countDiscrepancies, discrepanciesOf, type Discrepancy, type DiscrepancyCount } from './discrepancies';
import { buildIdentityView, type IdentityView } from './identityView';
import { restoreState, snapshotOf } from './identitySnapshot';
import { memorySnapshotStore, type SnapshotStore } from './snapshotStore';

export type StewardDecisionKind = 'LINK' | 'UNLINK';

export interface StewardDecision {
  id: string;
  kind: StewardDecisionKind;
  a: SourceRef;
  b: SourceRef;
  decidedBy: string;
  reason: string;
  decidedAt: string;
}

/** Where steward decisions and identity events are recorded (the audit trail). */
export interface IdentityRecorder {
  stewardDecision(decision: StewardDecision): void | Promise<void>;
  identityEvents(events: IdentityEvent[]): void | Promise<void>;
}

const NO_RECORDER: IdentityRecorder = { stewardDecision: () => undefined, identityEvents: () => undefined };

export interface IdentityServiceOptions {
  adapters: readonly SourceAdapter[];
  store?: SnapshotStore;
  recorder?: IdentityRecorder;
  clock?: () => Date;
}

/**
 * Identity resolution as a running service: resolves everything once at start (or restores the
 * saved crosswalk), then follows each system's change feed and applies changed records
 * incrementally, so existing customer ids survive and only the neighbourhood of a change is
 * re-matched. Steward decisions (link/unlink) are overrides applied the same way.
 *
 * Readers get an immutable view; every change builds a new one and swaps it in whole.
 */
export class IdentityService {
  private state!: ResolutionState;
  private parties = new Map<string, SourceParty>();
  private currentView!: IdentityView;
  private cursors: Record<string, string> = {};
  private discrepancyCache: { view: IdentityView; all: Discrepancy[]; counts: DiscrepancyCount[] } | null = null;
  private readonly decisions: StewardDecision[] = [];
  private readonly events: IdentityEvent[] = [];
  private polling: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly store: SnapshotStore;
  private readonly recorder: IdentityRecorder;
  private readonly clock: () => Date;

  private constructor(private readonly options: IdentityServiceOptions) {
    this.store = options.store ?? memorySnapshotStore();
    this.recorder = options.recorder ?? NO_RECORDER;
    this.clock = options.clock ?? (() => new Date());
  }

  static async start(options: IdentityServiceOptions): Promise<IdentityService> {
    const service = new IdentityService(options);
    await service.initialise();
    return service;
  }

  view(): IdentityView {
    return this.currentView;
  }

  /** Every record of a customer as last read from its system. */
  partiesOf(customerId: string): SourceParty[] {
    return this.currentView.crosswalk
      .members(customerId)
      .map((m) => this.parties.get(sourceKey(m.system, m.localId)))
      .filter((p): p is SourceParty => p !== undefined);
  }

  recentDecisions(): readonly StewardDecision[] {
    return this.decisions;
  }

  recentEvents(): readonly IdentityEvent[] {
    return this.events;
  }

  /** Every discrepancy across all customers, computed once per view. */
  discrepancies(): { all: Discrepancy[]; counts: DiscrepancyCount[] } {
    if (this.discrepancyCache?.view !== this.currentView) {
      const all: Discrepancy[] = [];
      for (const customerId of this.currentView.crosswalk.orderedIds) all.push(...discrepanciesOf(customerId, this.partiesOf(customerId)));
      this.discrepancyCache = { view: this.currentView, all, counts: countDiscrepancies(all) };
    }
    return this.discrepancyCache;
  }

  /**
   * Reads every system's change feed since the last poll and applies the changed records.
   * Returns how many records changed. Concurrent calls share one poll.
   */
  pollChanges(): Promise<number> {
    this.polling ??= this.readFeeds().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  async link(a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<StewardDecision> {
    return this.decide('LINK', a, b, decidedBy, reason);
  }

  async unlink(a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<StewardDecision> {
    return this.decide('UNLINK', a, b, decidedBy, reason);
  }

  hasRecord(ref: SourceRef): boolean {
    return this.parties.has(sourceKey(ref.system, ref.localId));
  }

  private async initialise(): Promise<void> {
    const parties: SourceParty[] = [];
    await Promise.all(
      this.options.adapters.map(async (adapter) => {
        // Read the feed head first: changes made during the extract are then replayed, not lost.
        this.cursors[adapter.system] = await this.feedHead(adapter);
        for await (const party of adapter.extractParties()) parties.push(party);
      }),
    );
    for (const party of parties) this.parties.set(sourceKey(party.system, party.localId), party);
    const snapshot = await this.store.load().catch(() => null);
    if (snapshot) {
      const { state, unknown } = restoreState(snapshot, parties);
      this.state = unknown.length > 0 ? applyChanges(state, unknown).state : state;
    } else {
      this.state = createResolutionState(parties);
    }
    this.publish();
    await this.persist();
  }

  private async feedHead(adapter: SourceAdapter): Promise<string> {
    let cursor: string | undefined;
    for (;;) {
      const page = await adapter.changes(cursor);
      if (page.changes.length === 0 || page.nextCursor === cursor) return page.nextCursor;
      cursor = page.nextCursor;
    }
  }

  private async readFeeds(): Promise<number> {
    const changed: SourceParty[] = [];
    await Promise.all(
      this.options.adapters.map(async (adapter) => {
        const ids = new Set<string>();
        let cursor = this.cursors[adapter.system];
        for (;;) {
          const page = await adapter.changes(cursor);
          for (const change of page.changes) if (change.entity === 'party') ids.add(change.localId);
          if (page.changes.length === 0 || page.nextCursor === cursor) break;
          cursor = page.nextCursor;
        }
        if (ids.size > 0) {
          const found = await adapter.getParties([...ids]);
          for (const party of found.values()) if (party) changed.push(party);
        }
        this.cursors[adapter.system] = cursor;
      }),
    );
    if (changed.length === 0) return 0;
    for (const party of changed) this.parties.set(sourceKey(party.system, party.localId), party);
    const result = applyChanges(this.state, changed);
    this.state = result.state;
    this.remember(result.events);
    this.publish();
    await this.persist();
    return changed.length;
  }

  private async decide(kind: StewardDecisionKind, a: SourceRef, b: SourceRef, decidedBy: string, reason: string): Promise<StewardDecision> {
    const same = (x: readonly [SourceRef, SourceRef]) =>
      (sourceKey(x[0].system, x[0].localId) === sourceKey(a.system, a.localId) && sourceKey(x[1].system, x[1].localId) === sourceKey(b.system, b.localId)) ||
      (sourceKey(x[0].system, x[0].localId) === sourceKey(b.system, b.localId) && sourceKey(x[1].system, x[1].localId) === sourceKey(a.system, a.localId));
    const current = this.state.overrides;
    // A new decision about a pair replaces any earlier one about the same pair.
    const overrides: StewardOverrides = {
      alwaysMatch: [...current.alwaysMatch.filter((p) => !same(p)), ...(kind === 'LINK' ? [[a, b] as const] : [])],
      neverMatch: [...current.neverMatch.filter((p) => !same(p)), ...(kind === 'UNLINK' ? [[a, b] as const] : [])],
    };
    const result = applyChanges(this.state, [], { overrides });
    this.state = result.state;
    const decision: StewardDecision = {
      id: `dec_${this.clock().getTime().toString(36)}_${this.decisions.length}`,
      kind,
      a,
      b,
      decidedBy,
      reason,
      decidedAt: this.clock().toISOString(),
    };
    this.decisions.push(decision);
    this.remember(result.events);
    this.publish();
    await this.persist();
    await this.recorder.stewardDecision(decision);
    return decision;
  }

  private remember(events: IdentityEvent[]): void {
    if (events.length === 0) return;
    this.events.push(...events);
    // Keep the in-memory tail bounded; the audit trail holds the full history.
    if (this.events.length > 1000) this.events.splice(0, this.events.length - 1000);
    void Promise.resolve(this.recorder.identityEvents(events)).catch(() => undefined);
  }

  private publish(): void {
    this.currentView = buildIdentityView(clustersOf(this.state), this.parties.values());
  }

  private async persist(): Promise<void> {
    // Losing a snapshot write costs a re-resolution at the next start, never a wrong answer now.
    await this.store.save(snapshotOf(this.state, this.cursors)).catch(() => undefined);
  }

  /**
   * Follows the change feeds every `intervalMs`. A system that is down is simply asked again at
   * the next tick; its changes wait in its feed.
   */
  startFollowing(intervalMs: number): void {
    this.stopFollowing();
    this.timer = setInterval(() => {
      this.pollChanges().catch(() => undefined);
    }, intervalMs);
    this.timer.unref();
  }

  stopFollowing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async close(): Promise<void> {
    this.stopFollowing();
    await this.polling?.catch(() => undefined);
    await this.store.close();
  }
}

import type { ChangePage, SourceParty, SourceSystem } from '../canonical';

/**
 * What every adapter offers, whatever its system. Domain reads (accounts, cards, orders, ...)
 * are system-specific and live on each adapter beside these.
 */
export interface SourceAdapter {
  readonly system: SourceSystem;
  /** Batch lookup by local ids; an unknown id maps to null. Ids are validated before any call. */
  getParties(localIds: readonly string[]): Promise<Map<string, SourceParty | null>>;
  /** Every party of the system, streamed in constant memory (for identity resolution). */
  extractParties(): AsyncIterable<SourceParty>;
  /** What changed since `cursor` (absent: from the start of the feed). */
  changes(cursor?: string): Promise<ChangePage>;
  /**
   * For an adapter serving a store of its own (a file-drop system's ingested files): loads it.
   * The stack awaits it before identity reads the adapter; the adapter's reads await it too.
   */
  ready?(): Promise<void>;
  close(): void;
}

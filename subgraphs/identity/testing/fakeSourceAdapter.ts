import type { ChangeEvent, SourceParty, SourceSystem } from '../../../adapters/canonical';
import type { SourceAdapter } from '../../../adapters/kit/sourceAdapter';

/**
 * A system of record in memory for the identity store's unit tests: its records, and a change
 * feed whose cursor is the count of changes read (pages of `pageSize`), like the simulators'.
 */
export class FakeSourceAdapter implements SourceAdapter {
  private readonly records = new Map<string, SourceParty>();
  private readonly feed: ChangeEvent[] = [];
  down = false;

  constructor(
    readonly system: SourceSystem,
    parties: readonly SourceParty[] = [],
    private readonly pageSize = 50,
  ) {
    for (const party of parties) this.records.set(party.localId, party);
  }

  /** Replaces (or adds) a record and appends its change to the feed. */
  edit(party: SourceParty): void {
    this.records.set(party.localId, party);
    this.feed.push({ system: this.system, entity: 'party', localId: party.localId, changedAt: new Date().toISOString() });
  }

  /** A change of something identity does not match on (an account): in the feed, not a party. */
  touchAccount(localId: string): void {
    this.feed.push({ system: this.system, entity: 'account', localId, changedAt: new Date().toISOString() });
  }

  record(localId: string): SourceParty | undefined {
    return this.records.get(localId);
  }

  async getParties(localIds: readonly string[]): Promise<Map<string, SourceParty | null>> {
    if (this.down) throw new Error(`${this.system} is down`);
    return new Map(localIds.map((id) => [id, this.records.get(id) ?? null]));
  }

  async *extractParties(): AsyncIterable<SourceParty> {
    if (this.down) throw new Error(`${this.system} is down`);
    for (const party of [...this.records.values()]) yield party;
  }

  async changes(cursor?: string): Promise<{ changes: ChangeEvent[]; nextCursor: string }> {
    if (this.down) throw new Error(`${this.system} is down`);
    const start = Number(cursor ?? 0);
    const changes = this.feed.slice(start, start + this.pageSize);
    return { changes, nextCursor: String(start + changes.length) };
  }

  close(): void {}
}

export function party(system: SourceSystem, localId: string, fields: Partial<Omit<SourceParty, 'system' | 'localId'>> = {}): SourceParty {
  return { system, localId, givenName: null, familyName: null, rawName: null, birthDate: null, nationalId: null, phones: [], emails: [], address: null, changedAt: null, ...fields };
}

import type { ChangeEvent, SourceSystem } from '../../adapters/canonical';

/**
 * An append-only log of changes, read by cursor. The cursor is the sequence number of the
 * last change seen, as an opaque string, so a reader resumes exactly where it stopped.
 */
export class ChangeFeed {
  private readonly events: ChangeEvent[] = [];

  constructor(private readonly system: SourceSystem) {}

  append(entity: string, localId: string, changedAt = new Date().toISOString()): ChangeEvent {
    const event = { system: this.system, entity, localId, changedAt };
    this.events.push(event);
    return event;
  }

  /** Changes after `cursor` (absent: from the start), at most `limit`. */
  since(cursor: string | undefined, limit = 500): { changes: ChangeEvent[]; nextCursor: string } {
    const start = parseCursor(cursor);
    const changes = this.events.slice(start, start + limit);
    return { changes, nextCursor: String(start + changes.length) };
  }

  /** The cursor that reads only changes appended from now on. */
  head(): string {
    return String(this.events.length);
  }

  clear(): void {
    this.events.length = 0;
  }
}

/** A cursor is a non-negative integer; anything else is a client error. */
export function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^\d{1,12}$/.test(cursor)) throw new InvalidCursorError();
  return Number(cursor);
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid change-feed cursor');
    this.name = 'InvalidCursorError';
  }
}

import { randomBytes } from 'node:crypto';

/** Where a client is in an extract: which read session, how many records it has had. */
export interface ExtractPosition {
  session: string;
  offset: number;
}

export interface ExtractPage<T> {
  items: T[];
  /** Absent when the source is exhausted. */
  next: ExtractPosition | null;
}

interface Session<T> {
  iterator: AsyncIterator<T>;
  offset: number;
  busy: boolean;
}

/**
 * Serves a possibly huge source (a million-line file) page by page in constant memory.
 *
 * The source is only ever iterated, never loaded. A client walking the extract in order
 * resumes the very iterator that served its previous page (a parked "read session"), so each
 * page costs O(limit). A cursor whose session is gone (evicted, restarted, or replayed after a
 * retry) still works: a fresh iterator skips to the offset, slower but correct.
 */
export class ExtractPager<T> {
  private readonly sessions = new Map<string, Session<T>>();

  constructor(
    private readonly source: () => AsyncIterable<T>,
    private readonly maxSessions = 8,
    private readonly newSessionId: () => string = () => randomBytes(6).toString('hex'),
  ) {}

  async page(position: ExtractPosition | undefined, limit: number): Promise<ExtractPage<T>> {
    const { id, session } = await this.sessionFor(position);
    session.busy = true;
    const items: T[] = [];
    try {
      while (items.length < limit) {
        const step = await session.iterator.next();
        if (step.done) {
          this.sessions.delete(id);
          return { items, next: null };
        }
        items.push(step.value);
      }
    } catch (error) {
      this.sessions.delete(id);
      await closeQuietly(session.iterator);
      throw error;
    }
    session.offset += items.length;
    session.busy = false;
    this.park(id, session);
    return { items, next: { session: id, offset: session.offset } };
  }

  /** Closes every parked session (file handles included). */
  async reset(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((s) => closeQuietly(s.iterator)));
  }

  private async sessionFor(position: ExtractPosition | undefined): Promise<{ id: string; session: Session<T> }> {
    if (position) {
      const parked = this.sessions.get(position.session);
      if (parked && !parked.busy && parked.offset === position.offset) return { id: position.session, session: parked };
    }
    // A new read: keep the client's session id unless another read holds it.
    const id = position && !this.sessions.has(position.session) ? position.session : this.newSessionId();
    const session: Session<T> = { iterator: this.source()[Symbol.asyncIterator](), offset: 0, busy: true };
    this.park(id, session);
    const skip = position?.offset ?? 0;
    while (session.offset < skip) {
      const step = await session.iterator.next();
      if (step.done) break;
      session.offset += 1;
    }
    return { id, session };
  }

  /** Most recently used last; the least recently used idle session is closed beyond the limit. */
  private park(id: string, session: Session<T>): void {
    this.sessions.delete(id);
    this.sessions.set(id, session);
    for (const [oldId, old] of this.sessions) {
      if (this.sessions.size <= this.maxSessions) break;
      if (old.busy) continue;
      this.sessions.delete(oldId);
      void closeQuietly(old.iterator);
    }
  }
}

/** Releases an iterator's resources; a failure to close is not the reader's problem. */
async function closeQuietly(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // already broken: nothing more to release
  }
}

import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseStoredAuditEvent, validAuditEvent, type AuditEvent, type StoredAuditEvent } from './auditEvent';
import { matchesAuditQuery, type AuditPage, type AuditQuery, type AuditStore } from './auditStore';

/**
 * The audit trail as a JSON Lines file (no REDIS_URL: a single host, development, tests).
 *
 * Appends go through one write stream opened with `a` (O_APPEND): writes from this process are
 * serialised by the stream and each line lands at the end of the file even when another
 * process appends too. An event's id is its line number, so ids are stable as long as the
 * file is only ever appended to, which is the point of an audit file.
 */
export class JsonlAuditStore implements AuditStore {
  readonly kind = 'file' as const;
  private stream: Promise<WriteStream> | undefined;

  constructor(readonly path: string) {}

  async append(event: AuditEvent): Promise<void> {
    const line = `${JSON.stringify(validAuditEvent(event))}\n`;
    const stream = await this.openForAppend();
    await new Promise<void>((resolve, reject) => {
      stream.write(line, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Streams the file line by line: memory stays flat however long the trail grows. */
  async query(query: AuditQuery): Promise<AuditPage> {
    const after = query.afterId === undefined ? 0 : Number(query.afterId);
    const events: StoredAuditEvent[] = [];
    let hasNextPage = false;
    let input;
    try {
      input = createReadStream(this.path, { encoding: 'utf8' });
      await new Promise<void>((resolve, reject) => {
        input!.once('open', () => resolve());
        input!.once('error', reject);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { events, hasNextPage };
      throw error;
    }
    const lines = createInterface({ input, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber += 1;
        if (lineNumber <= after || line.trim() === '') continue;
        const event = parseLine(line);
        if (!event || !matchesAuditQuery(event, query)) continue;
        if (events.length === query.first) {
          hasNextPage = true;
          break;
        }
        events.push({ ...event, id: String(lineNumber) });
      }
    } finally {
      lines.close();
      input.destroy();
    }
    return { events, hasNextPage };
  }

  async close(): Promise<void> {
    const opened = this.stream;
    this.stream = undefined;
    if (!opened) return;
    const stream = await opened;
    await new Promise<void>((resolve) => stream.end(() => resolve()));
  }

  private openForAppend(): Promise<WriteStream> {
    this.stream ??= (async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const stream = createWriteStream(this.path, { flags: 'a', encoding: 'utf8' });
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      return stream;
    })();
    return this.stream;
  }
}

// A line cut short by a crash, or written by hand, is skipped rather than failing the query.
function parseLine(line: string): AuditEvent | undefined {
  try {
    return parseStoredAuditEvent(JSON.parse(line));
  } catch {
    return undefined;
  }
}

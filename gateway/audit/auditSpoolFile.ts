import { mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

interface Queued {
  line: string;
  resolve(): void;
  reject(error: unknown): void;
}

/** One complete line read back from a spool file, and the byte offset just after it. */
export interface SpoolLine {
  text: string;
  end: number;
}

/**
 * One append-only spool file (JSON Lines) and the offset up to which it has been replayed.
 *
 * Appends are group-committed: the lines queued while a write is in flight go out together in
 * one write and one fdatasync, so an append resolves only once its line is on disk (a power cut
 * loses nothing acknowledged) while a burst of events costs one sync, not one each. Every
 * operation on the file (flushes, reset) runs one at a time, in order.
 */
export class AuditSpoolFile {
  private handle: Promise<FileHandle> | undefined;
  private queue: Queued[] = [];
  private flushScheduled = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  get offsetPath(): string {
    return `${this.path}.offset`;
  }

  /** Resolves once `line` (one JSON document, no newline) is written and synced. */
  append(line: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: `${line}\n`, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        this.serially(() => this.flush());
      }
    });
  }

  /** Complete lines from `offset` on (at most about `maxBytes`); a line still being written is left for later. */
  async readFrom(offset: number, maxBytes = 1 << 20): Promise<SpoolLine[]> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, offset);
      const lines: SpoolLine[] = [];
      let start = 0;
      for (let i = 0; i < bytesRead; i += 1) {
        if (buffer[i] !== 0x0a) continue;
        lines.push({ text: buffer.subarray(start, i).toString('utf8'), end: offset + i + 1 });
        start = i + 1;
      }
      // One line longer than the buffer: read it whole (events are bounded, this is rare).
      if (lines.length === 0 && bytesRead === maxBytes) return this.readFrom(offset, maxBytes * 2);
      return lines;
    } finally {
      await handle.close();
    }
  }

  /** The replayed offset saved by saveOffset (0 when none). */
  async loadOffset(): Promise<number> {
    try {
      const value = Number((await readFile(this.offsetPath, 'utf8')).trim());
      return Number.isInteger(value) && value >= 0 ? value : 0;
    } catch {
      return 0;
    }
  }

  /** Saves the replayed offset (temp file + rename: a crash leaves the old or the new value, never half). */
  async saveOffset(offset: number): Promise<void> {
    const temp = `${this.offsetPath}.${process.pid}.tmp`;
    await writeFile(temp, String(offset));
    await rename(temp, this.offsetPath);
  }

  /**
   * Empties the file (and forgets the offset) if `canReset()` still holds once every earlier
   * append has been written; returns whether it did. Runs in turn with the appends, so no line
   * queued before it can be lost.
   */
  resetIf(canReset: () => boolean): Promise<boolean> {
    return this.serially(async () => {
      if (!canReset()) return false;
      if (!this.handle) return true; // never written: nothing to empty
      const handle = await this.open();
      await handle.truncate(0);
      await handle.datasync();
      await rm(this.offsetPath, { force: true });
      return true;
    });
  }

  /** Deletes the file and its offset (a fully replayed file adopted from another process). */
  async remove(): Promise<void> {
    await this.close();
    await rm(this.offsetPath, { force: true });
    await rm(this.path, { force: true });
  }

  async close(): Promise<void> {
    await this.tail.catch(() => undefined);
    const opened = this.handle;
    this.handle = undefined;
    if (opened) await (await opened).close().catch(() => undefined);
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.tail.then(operation, operation);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      const handle = await this.open();
      await handle.write(batch.map((q) => q.line).join(''));
      await handle.datasync();
      for (const queued of batch) queued.resolve();
    } catch (error) {
      for (const queued of batch) queued.reject(error);
    }
  }

  private open(): Promise<FileHandle> {
    this.handle ??= (async () => {
      await mkdir(dirname(this.path), { recursive: true });
      // 'a': every write lands at the end, whatever the file position.
      const handle = await open(this.path, 'a', 0o600);
      // The new directory entry must survive a power cut too, not only the lines.
      const directory = await open(dirname(this.path), 'r');
      await directory.sync().finally(() => directory.close());
      return handle;
    })();
    const opening = this.handle;
    opening.catch(() => {
      if (this.handle === opening) this.handle = undefined;
    });
    return opening;
  }
}

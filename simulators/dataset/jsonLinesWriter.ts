/**
 * Appends JSON lines to one file through a write stream, honouring backpressure.
 *
 * Lines are batched into chunks (one `write` call per ~256 KiB instead of per line) because
 * a million persons produce tens of millions of lines; when the stream's buffer is full the
 * producer awaits `drain` before generating more, so memory stays flat however big the output.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_CHARS = 256 * 1024;

export class JsonLinesWriter {
  private readonly stream: WriteStream;
  // String concatenation builds a rope that is flattened once per chunk: cheaper than join.
  private pending = '';
  private blocked = false;
  private failure: Error | null = null;
  lines = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
    this.stream.on('error', (error: Error) => {
      this.failure = error;
    });
  }

  write(record: unknown): void {
    this.pending += JSON.stringify(record) + '\n';
    this.lines++;
    if (this.pending.length >= CHUNK_CHARS) this.flushChunk();
  }

  private flushChunk(): void {
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) this.blocked = true;
  }

  /** True when the producer should await `ready()` before writing more (checked per person). */
  get mustWait(): boolean {
    return this.blocked || this.failure !== null;
  }

  /** Resolves once the stream can take more (immediately unless it signalled backpressure). */
  async ready(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.blocked) return;
    await once(this.stream, 'drain');
    this.blocked = false;
  }

  /** Flushes and closes the file; always ends the stream, even after a failure. */
  async close(): Promise<void> {
    if (!this.failure) this.flushChunk();
    if (!this.failure && !this.stream.writableFinished) {
      this.stream.end();
      await once(this.stream, 'finish');
    } else {
      this.stream.destroy();
    }
    if (this.failure) throw this.failure;
  }
}

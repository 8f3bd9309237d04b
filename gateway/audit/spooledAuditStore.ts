import { hostname } from 'node:os';
import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseOptions } from '../../db/database';
import { parseStoredAuditEvent, validAuditEvent, type AuditEvent } from './auditEvent';
import { auditSpoolDir } from './auditSpoolDir';
import { AuditSpoolFile } from './auditSpoolFile';
import type { AuditPage, AuditQuery, AuditStore } from './auditStore';


/** Neither the audit store nor the local spool could take an event: the access is not recorded. */
export class AuditSpoolError extends Error {
  override readonly name = 'AuditSpoolError';
}

class AuditWriteTimeoutError extends Error {
  override readonly name = 'AuditWriteTimeoutError';
}

interface SpoolLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface AuditSpoolOptions {
  /** Where the spool files live: a directory on this host's own disk. */
  dir: string;
  /** How long a write to the store may take before the event goes to the spool instead. Default 2000 ms. */
  writeTimeoutMs?: number;
  /** First and longest wait between replay attempts while the store stays down. Default 250 ms and 5000 ms. */
  retryMinMs?: number;
  retryMaxMs?: number;
  log?: SpoolLog;
}

const FILE_PATTERN = /^audit-spool-(.+)-(\d+)-(\d+)(?:-adopted-\d+)?\.jsonl$/;
/** Spool files of stores alive in this process: never adopted by another store of the same process. */
const liveFiles = new Set<string>();
let instances = 0;

/**
 * Any audit store made durable through a store outage: the wrapper every deployment's store
 * (Redis Stream, JSONL file, PostgreSQL) is put behind.
 *
 * - While the store answers, events go straight to it (a write that fails or takes longer than
 *   `writeTimeoutMs` goes to the spool instead).
 * - Once one event is spooled, every later event is spooled too, behind it, until the spool has
 *   been replayed: order is kept, and requests stop waiting on a store that is down.
 * - The spool is this process's own append-only JSON Lines file under `dir`, each event synced
 *   to disk before its append resolves (group commit: one fdatasync per burst). A replay loop
 *   retries with backoff and, when the store is back, appends the spooled events to it in
 *   order, saving its progress as it goes; an emptied spool is truncated and writes go direct
 *   again.
 * - Files left by a process that died on this host are adopted (atomic rename, so one process
 *   takes each) and replayed first.
 * - `append` rejects (AuditSpoolError) only when neither the store nor the spool took the event:
 *   the caller then refuses to serve the data (gateway/plugins/useAuditTrail.ts).
 *
 * Delivery is at least once: nothing is lost, and an event is recorded twice only when the store
 * executed a write whose answer never came back (the store died at that instant) or a crash
 * fell between a replayed write and the saved progress. A write that only timed out and landed
 * later is not replayed again. Spooled events become visible to `query` once replayed. The
 * store must bound its own calls (the Redis store's command timeout): the replay waits for them.
 */
export class SpooledAuditStore implements AuditStore {
  readonly kind: AuditStore['kind'];
  private readonly own: AuditSpoolFile;
  private readonly writeTimeoutMs: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private readonly adopted: AuditSpoolFile[] = [];
  private readonly adopting: Promise<void>;
  /** Own events handed to the spool and not replayed yet (queued, written or being replayed). */
  private spooled = 0;
  /**
   * Spooled lines whose original write timed out but then reached the store after all: the
   * replay skips them instead of recording them twice.
   */
  private readonly storedLate = new Set<string>();
  private ownOffset = 0;
  private retryDelayMs: number;
  private timer: NodeJS.Timeout | undefined;
  private replaying: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly inner: AuditStore,
    private readonly options: AuditSpoolOptions,
  ) {
    this.kind = inner.kind;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 2000;
    this.retryMinMs = options.retryMinMs ?? 250;
    this.retryMaxMs = options.retryMaxMs ?? 5000;
    this.retryDelayMs = this.retryMinMs;
    instances += 1;
    const name = `audit-spool-${hostname()}-${process.pid}-${Date.now()}${String(instances).padStart(3, '0')}.jsonl`;
    this.own = new AuditSpoolFile(join(options.dir, name));
    liveFiles.add(this.own.path);
    this.adopting = this.adoptOrphans().catch((error: Error) => options.log?.warn({ reason: error.name }, 'audit spool: cannot look for spool files of dead processes'));
  }

  /** Events spooled by this process and not yet in the store. */
  pendingEvents(): number {
    return this.spooled;
  }

  /** The spool file this process writes (tests, operators). */
  get spoolPath(): string {
    return this.own.path;
  }

  async append(event: AuditEvent): Promise<void> {
    // A malformed event is the caller's bug: refused, never spooled.
    const valid = validAuditEvent(event);
    const line = JSON.stringify(valid);
    await this.adopting;
    if (this.spooled === 0 && this.adopted.length === 0) {
      const write = this.inner.append(valid);
      try {
        await this.withTimeout(write);
        return;
      } catch (error) {
        if (error instanceof AuditWriteTimeoutError) {
          // The write may still land (a store that was only slow): then the spooled copy is not replayed.
          write.then(
            () => this.storedLate.add(line),
            () => undefined,
          );
        }
        this.options.log?.warn({ reason: (error as Error).name, spool: this.own.path }, 'audit store unavailable; spooling events to local disk');
      }
    }
    this.spooled += 1;
    try {
      await this.own.append(line);
    } catch (error) {
      this.spooled -= 1;
      throw new AuditSpoolError(`audit event neither stored nor spooled (${(error as NodeJS.ErrnoException).code ?? (error as Error).name})`);
    }
    this.scheduleReplay(this.retryDelayMs);
  }

  query(query: AuditQuery): Promise<AuditPage> {
    return this.inner.query(query);
  }

  /** Replays now (tests, shutdown); resolves when the spool is empty or the store failed again. */
  async replayNow(): Promise<void> {
    await this.adopting;
    if (this.replaying) await this.replaying;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.runReplay();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.adopting;
    await this.replaying?.catch(() => undefined);
    await this.own.close();
    await Promise.all(this.adopted.map((file) => file.close()));
    liveFiles.delete(this.own.path);
    await this.inner.close();
  }

  private scheduleReplay(delayMs: number): void {
    if (this.closed || this.timer || this.replaying) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runReplay();
    }, delayMs);
    this.timer.unref();
  }

  private runReplay(): Promise<void> {
    this.replaying ??= (async () => {
      let done = false;
      let replayed = 0;
      try {
        ({ done, replayed } = await this.replayAll());
      } catch (error) {
        this.options.log?.warn({ reason: (error as Error).name }, 'audit spool: replay failed');
      } finally {
        this.replaying = undefined;
      }
      if (replayed > 0) this.options.log?.info({ replayed, pending: this.spooled }, 'audit spool: events replayed to the store');
      this.retryDelayMs = done ? this.retryMinMs : Math.min(this.retryDelayMs * 2, this.retryMaxMs);
      if (this.spooled > 0 || this.adopted.length > 0) this.scheduleReplay(done ? 0 : this.retryDelayMs);
    })();
    return this.replaying;
  }

  /** Adopted files first (older), then this process's own; stops at the first store failure. */
  private async replayAll(): Promise<{ done: boolean; replayed: number }> {
    let replayed = 0;
    while (this.adopted.length > 0) {
      const file = this.adopted[0];
      const result = await this.replayFile(file, await file.loadOffset());
      replayed += result.replayed;
      if (!result.done) return { done: false, replayed };
      await file.remove();
      this.adopted.shift();
    }
    const own = await this.replayFile(this.own, this.ownOffset, (end) => {
      this.ownOffset = end;
      // (never below 0: a failed batch write can leave lines behind that were not counted)
      this.spooled = Math.max(0, this.spooled - 1);
    });
    replayed += own.replayed;
    if (!own.done) return { done: false, replayed };
    // Everything written is in the store: empty the file, unless an event was spooled meanwhile.
    if (this.spooled === 0 && (await this.own.resetIf(() => this.spooled === 0))) this.ownOffset = 0;
    return { done: this.spooled === 0, replayed };
  }

  private async replayFile(file: AuditSpoolFile, from: number, onReplayed?: (end: number) => void): Promise<{ done: boolean; replayed: number }> {
    let offset = from;
    let replayed = 0;
    let unsaved = 0;
    try {
      for (;;) {
        const lines = await file.readFrom(offset);
        if (lines.length === 0) return { done: true, replayed };
        for (const line of lines) {
          const event = parseLine(line.text);
          // A line cut short by a crash is skipped; every whole line goes to the store, in order.
          // No timeout of our own here: no request waits on the replay, and a write abandoned by a
          // timeout could still land later and be replayed again. The store bounds its own calls.
          if (event && !this.storedLate.delete(line.text)) {
            try {
              await this.inner.append(event);
            } catch {
              return { done: false, replayed };
            }
            replayed += 1;
          }
          offset = line.end;
          onReplayed?.(offset);
          if (++unsaved >= 100) {
            await file.saveOffset(offset);
            unsaved = 0;
          }
        }
      }
    } finally {
      if (offset !== from) await file.saveOffset(offset).catch(() => undefined);
    }
  }

  private async adoptOrphans(): Promise<void> {
    const dir = this.options.dir;
    const host = hostname();
    // No directory yet: nothing was ever spooled here (it is created with the first spool file).
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const orphans = names
      .map((name) => ({ name, match: FILE_PATTERN.exec(name) }))
      .filter(({ name, match }) => match && match[1] === host && !liveFiles.has(join(dir, name)) && !processAlive(Number(match[2])))
      .sort((a, b) => Number(a.match![3]) - Number(b.match![3]));
    for (const [i, { name }] of orphans.entries()) {
      const claimed = this.own.path.replace(/\.jsonl$/, `-adopted-${i}.jsonl`);
      try {
        await rename(join(dir, name), claimed);
      } catch {
        continue; // another process took it first
      }
      await rename(join(dir, `${name}.offset`), `${claimed}.offset`).catch(() => undefined);
      liveFiles.add(claimed);
      this.adopted.push(new AuditSpoolFile(claimed));
    }
    if (this.adopted.length > 0) {
      this.options.log?.info({ files: this.adopted.length }, 'audit spool: replaying spool files left by a stopped process');
      this.scheduleReplay(0);
    }
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new AuditWriteTimeoutError('audit store write timed out')), this.writeTimeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

function parseLine(text: string): AuditEvent | undefined {
  try {
    return parseStoredAuditEvent(JSON.parse(text));
  } catch {
    return undefined;
  }
}

// A file named with this process's own pid but not live here was left by an earlier process
// that had the same pid (a container's gateway is often pid 1): dead, like any other.
function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `store` (kept in the database `location`) behind the local spool, configured from the
 * environment: the spool directory (auditSpoolDir.ts: AUDIT_SPOOL_DIR, else a folder of
 * data/audit-spool for that database) and AUDIT_WRITE_TIMEOUT_MS (default 2000).
 */
export function withAuditSpool(store: AuditStore, location: DatabaseOptions, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), log?: SpoolLog): SpooledAuditStore {
  const timeout = Number(env.AUDIT_WRITE_TIMEOUT_MS);
  return new SpooledAuditStore(store, {
    dir: auditSpoolDir(location, env, cwd),
    ...(Number.isInteger(timeout) && timeout > 0 ? { writeTimeoutMs: timeout } : {}),
    log,
  });
}

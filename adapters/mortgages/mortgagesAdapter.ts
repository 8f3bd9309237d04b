import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { openDatabase, type Database } from '../../db/database';
import type { ChangePage, SourceParty } from '../canonical';
import { sharedClientHooks, type ClientHooks } from '../kit/clientHooks';
import type { SystemClientConfig } from '../kit/config';
import { InvalidIdError, UpstreamUnavailable } from '../kit/errors';
import type { SourceAdapter } from '../kit/sourceAdapter';
import { registerSystemHealth, type LegacySystemHealth } from '../kit/systemHealth';
import { dataFreshness, type DataFreshness } from './dataFreshness';
import { ingestDropFolder, type IngestedFile } from './ingestDrops';
import type { MortgageLoan } from './mortgageLoan';
import { memoryReads, storeReads, type MortgageReads } from './mortgageReads';
import { MortgageStore } from './mortgageStore';

/** Where `npm start` drops the files when MORTGAGES_URL names no folder (the simulator writes there too). */
const DEFAULT_DROP_DIR = 'data/drops/mortgages';
const BORROWER_ID = /^MB\d{8}$/;
const FEED_PAGE = 500;

export interface MortgagesAdapterOptions {
  /** `baseUrl` is the drop folder as a `file:` URL (MORTGAGES_URL); anything else: MORTGAGES_DROP_DIR or data/drops/mortgages. */
  config: SystemClientConfig;
  /**
   * The store of record the stack opened (its tables: db/migrations/0004_mortgage_store.ts).
   * Absent (identity on its own): DATABASE_URL, or an in-memory store of its own rebuilt from the
   * drop folder.
   */
  database?: Database;
  /** MORTGAGES_STALE_AFTER_MS (default 26 h), MORTGAGES_DROP_POLL_MS (default 60 s; 0: only on ready()), LOG_LEVEL. */
  env?: NodeJS.ProcessEnv;
  /** Now, in epoch ms (tests). */
  clock?: () => number;
  /** Every ingest pass's outcome (tests, metrics); the adapter also logs refusals and applied files. */
  onIngest?: (files: readonly IngestedFile[]) => void;
  logger?: Logger;
  /**
   * Where each file checked is reported as a legacy call (`ingestDropFile`: outcome `ok`, or
   * `DROP_FILE_<reason>` for a refused file, once), so the gateway's legacy-call metrics count the
   * drop like any system's calls. Default: the kit's shared hooks.
   */
  hooks?: ClientHooks;
}

export interface MortgagesAdapter extends SourceAdapter {
  /** Ingests the drop folder once and loads the store: the stack awaits it before identity reads. */
  ready(): Promise<void>;
  /** One pass over the drop folder now (the poll timer does this every MORTGAGES_DROP_POLL_MS). */
  ingest(): Promise<IngestedFile[]>;
  /** Each borrower's loans (a joint loan under both borrowers), open ones first, then by loan number. */
  getLoans(borrowerIds: readonly string[]): Promise<Map<string, MortgageLoan[]>>;
  /** How old the data served is against its schedule. */
  freshness(): DataFreshness;
}

function positiveMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer (milliseconds)`);
  return value;
}

/** The drop folder an adapter config names. */
export function dropFolderOf(config: SystemClientConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (config.baseUrl.startsWith('file:')) return fileURLToPath(config.baseUrl);
  return path.resolve(env.MORTGAGES_DROP_DIR ?? DEFAULT_DROP_DIR);
}

/**
 * Mortgage servicing has no online interface: this adapter ingests the files it drops (a nightly
 * full extract and a daily delta, each with a manifest) into a store it owns in the product's
 * database, and serves every read from that store: per call on a PostgreSQL server, from an
 * in-memory copy refreshed after each ingest on embedded PGlite (mortgageReads.ts says why).
 */
export function createMortgagesAdapter(options: MortgagesAdapterOptions): MortgagesAdapter {
  const env = options.env ?? process.env;
  const clock = options.clock ?? Date.now;
  const staleAfterMs = positiveMs(env, 'MORTGAGES_STALE_AFTER_MS', 26 * 3_600_000);
  const pollMs = positiveMs(env, 'MORTGAGES_DROP_POLL_MS', 60_000);
  const folder = dropFolderOf(options.config, env);
  const log = options.logger ?? pino({ name: 'mortgages-ingest', level: env.LOG_LEVEL ?? 'info' });
  const ownDatabase = !options.database;
  let database: Promise<Database> | null = null;
  const openStore = () =>
    (database ??= options.database ? Promise.resolve(options.database) : openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: 'memory://' }));

  // Chosen once the store is open: per call on a server, a copy in memory on PGlite (mortgageReads.ts).
  let reads: MortgageReads | null = null;
  let lastProblem: string | null = null;
  let closed = false;

  // One pass at a time: the poll timer and an explicit ingest() never overlap.
  let running: Promise<IngestedFile[]> = Promise.resolve([]);
  const pass = async (): Promise<IngestedFile[]> => {
    const opened = await openStore();
    const store = new MortgageStore(opened);
    reads ??= opened.kind === 'server' ? storeReads(store) : memoryReads(store);
    let files: IngestedFile[];
    try {
      files = await ingestDropFolder(folder, store);
      lastProblem = null;
    } catch (error) {
      // The folder unreadable (not mounted, no permission): nothing applied, the data served stays.
      lastProblem = `drop folder not readable (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      log.warn({ system: 'MORTGAGES', problem: lastProblem }, 'mortgage drop folder not readable');
      files = [];
    }
    const hooks = options.hooks ?? sharedClientHooks;
    for (const file of files) {
      const reported = file.outcome === 'APPLIED' || file.outcome === 'SUPERSEDED' || (file.outcome === 'REJECTED' && file.firstReport);
      if (reported) hooks.onCall?.({ system: 'MORTGAGES', operation: 'ingestDropFile', durationMs: file.durationMs ?? 0, outcome: file.outcome === 'REJECTED' ? `DROP_FILE_${file.reason}` : 'ok' });
      if (file.outcome === 'REJECTED' && file.firstReport) log.warn({ system: 'MORTGAGES', file: file.file, reason: file.reason }, 'mortgage drop file rejected whole; the previous data stays served');
      else if (file.outcome === 'APPLIED' || file.outcome === 'SUPERSEDED') log.info({ system: 'MORTGAGES', file: file.file, outcome: file.outcome, records: file.records }, 'mortgage drop file ingested');
    }
    await reads.refresh(files.some((f) => f.outcome === 'APPLIED'));
    options.onIngest?.(files);
    return files;
  };
  const ingest = () => (running = running.catch(() => []).then(pass));

  let first: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const ready = () =>
    (first ??= ingest().then(
      () => {
        if (pollMs > 0 && !closed) {
          timer = setInterval(() => void ingest().catch((error: unknown) => log.error({ system: 'MORTGAGES', err: (error as Error).name }, 'mortgage ingest failed')), pollMs);
          timer.unref();
        }
      },
      (error: unknown) => {
        // The store could not be read (database down): the next read tries again instead of failing for ever.
        first = null;
        throw error;
      },
    ));

  const freshness = () => dataFreshness(reads?.businessDate() ?? null, clock(), staleAfterMs);
  const unregister = registerSystemHealth({
    system: 'MORTGAGES',
    health: (): LegacySystemHealth => ({
      system: 'MORTGAGES',
      breaker: lastProblem ? 'open' : 'closed',
      ...(lastProblem ? { reason: lastProblem } : {}),
      freshness: freshness(),
    }),
  });

  const checkIds = (ids: readonly string[], operation: string) => {
    for (const id of ids) if (!BORROWER_ID.test(id)) throw new InvalidIdError('MORTGAGES', operation, 'MB + 8 digits');
  };
  /** The read model once the store has been ingested and loaded; a store that cannot be read is the system unavailable. */
  const read = async <T>(operation: string, answer: (from: MortgageReads) => Promise<T>): Promise<T> => {
    try {
      await ready();
      return await answer(reads!);
    } catch {
      throw new UpstreamUnavailable('MORTGAGES', operation, 'the mortgage store could not be read');
    }
  };

  return {
    system: 'MORTGAGES',
    ready,
    ingest,
    freshness,
    async getParties(localIds) {
      checkIds(localIds, 'getParties');
      const found = await read('getParties', (from) => from.borrowers(localIds));
      return new Map(localIds.map((id): [string, SourceParty | null] => [id, found.get(id) ?? null]));
    },
    async getLoans(borrowerIds) {
      checkIds(borrowerIds, 'getLoans');
      return read('getLoans', (from) => from.loansOf(borrowerIds));
    },
    async *extractParties() {
      const borrowers = await read('extractParties', async (from) => from.allBorrowers()[Symbol.asyncIterator]());
      for (;;) {
        const next = await read('extractParties', () => borrowers.next());
        if (next.done) return;
        yield next.value;
      }
    },
    async changes(cursor): Promise<ChangePage> {
      const after = cursor === undefined || cursor === '' ? 0 : Number(cursor);
      if (!Number.isSafeInteger(after) || after < 0) throw new InvalidIdError('MORTGAGES', 'changes', 'a cursor from this feed');
      const page = await read('changes', (from) => from.changesAfter(after, FEED_PAGE));
      return { changes: page.map(({ seq: _seq, ...change }) => change), nextCursor: String(page.at(-1)?.seq ?? after) };
    },
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      unregister();
      if (ownDatabase && database) void database.then((db) => db.close()).catch(() => undefined);
    },
  };
}

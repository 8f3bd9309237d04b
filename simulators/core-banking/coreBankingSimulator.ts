/**
 * The core-banking simulator: a CICS-style mainframe front end over HTTP that answers in
 * fixed-width records described by the copybooks in adapters/core-banking/copybooks, as bytes in
 * the host's code page (EBCDIC CCSID 870). The URLs, layouts, code page and error records are
 * documented in PROTOCOL.md. Everything here is the simulator's own code: the adapter reads what
 * it writes with a codec of its own.
 */

import type { CoreBankingCustomerRecord } from '../dataset/records';
import { ChangeFeed, InvalidCursorError, parseCursor } from '../kit/changeFeed';
import { startSimulator, type RunningSimulator, type SimRequest, type SimResponse, type SimRoute, type SimulatorDefinition } from '../kit/simulatorServer';
import type { Random } from '../kit/faults';
import { fromEbcdic, toEbcdic } from './ccsid870';
import { CustomerStore } from './customerStore';
import { accountLine, changeLine, CIFREQ, customerLine, customerNotFoundLine, errorLine, trailerLine, transactionLine } from './recordLines';

/** IANA's name for CCSID 870. */
export const CONTENT_TYPE = 'text/plain; charset=IBM870';
/** Most CIFs one batch inquiry takes (the program's COMMAREA). */
export const MAX_BATCH_CIFS = 50;
const CIF = /^\d{10}$/;
const ACCOUNT_NUMBER = /^\d{12}$/;

/** ERR-CODE / EIBRESP of each refusal: CICS conditions, and the abend code of a crash. */
const ERROR_CODES = {
  invalidRequest: { code: 'INVREQ', resp: 16, status: 400 },
  lengthError: { code: 'LENGERR', resp: 22, status: 400 },
  unknownProgram: { code: 'PGMIDERR', resp: 27, status: 404 },
  abend: { code: 'ASRA', resp: 0, status: 500 },
} as const;
export const DEFAULT_TRANSACTION_LIMIT = 20;
export const MAX_TRANSACTION_LIMIT = 100;
export const MAX_CHANGE_LIMIT = 500;
/** The extract is written in chunks of about this many characters: the socket's high-water mark (larger writes measured 3x slower on loopback, each one waiting for a drain). */
const EXTRACT_CHUNK_CHARS = 16 * 1024;

export interface CoreBankingSimulatorOptions {
  /**
   * Where the nightly extract reads from (e.g. a JSONL file on disk streamed record by record);
   * default: the in-memory records. The extract is a snapshot file, so operator edits do not
   * show in an external source, as with the real nightly job.
   */
  extractSource?: () => AsyncIterable<CoreBankingCustomerRecord>;
}

type ErrorKind = keyof typeof ERROR_CODES;

/** The records, one per line, then the trailer, as host bytes. */
function ok(lines: readonly string[], nextCursor?: string): SimResponse {
  let text = '';
  for (const line of lines) text += `${line}\n`;
  return { status: 200, body: toEbcdic(`${text}${trailerLine(lines.length, nextCursor)}\n`), contentType: CONTENT_TYPE };
}

function refused(kind: ErrorKind, message: string): SimResponse {
  const error = ERROR_CODES[kind];
  return { status: error.status, body: toEbcdic(`${errorLine(error.code, error.resp, message)}\n`), contentType: CONTENT_TYPE };
}

/** A route by method and path pattern; the pattern's groups are handed to the handler. */
function route(operation: string, method: string, pattern: RegExp, handle: (req: SimRequest, groups: string[]) => SimResponse): SimRoute {
  return {
    operation,
    match: (req) => req.method === method && pattern.test(req.path),
    handle: (req) => handle(req, (pattern.exec(req.path) ?? []).slice(1)),
  };
}

/** Reads a CIFREQ body (one CIF per line) or says why it cannot. */
function readCifRequest(bytes: Buffer): string[] | SimResponse {
  const lines = fromEbcdic(bytes).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return refused('invalidRequest', 'NO CIF IN REQUEST');
  if (lines.length > MAX_BATCH_CIFS) return refused('lengthError', `AT MOST ${MAX_BATCH_CIFS} CIFS PER REQUEST`);
  // Each line is one CIFREQ record: REQ-CIF, PIC 9(10).
  if (!lines.every((line) => line.length === CIFREQ.length && CIF.test(line))) return refused('invalidRequest', 'CIF MUST BE 10 DIGITS');
  return lines;
}

function readLimit(raw: string | null, fallback: number, max: number): number | undefined {
  if (raw === null) return fallback;
  if (!/^\d{1,4}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit >= 1 && limit <= max ? limit : undefined;
}

async function* extractChunks(source: AsyncIterable<CoreBankingCustomerRecord>): AsyncGenerator<Buffer> {
  let chunk = '';
  let count = 0;
  for await (const record of source) {
    chunk += `${customerLine(record)}\n`;
    count += 1;
    if (chunk.length >= EXTRACT_CHUNK_CHARS) {
      yield toEbcdic(chunk);
      chunk = '';
    }
  }
  yield toEbcdic(`${chunk}${trailerLine(count)}\n`);
}

async function* fromIterable<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

export function createCoreBankingSimulator(
  records: readonly CoreBankingCustomerRecord[],
  options: CoreBankingSimulatorOptions = {},
): { definition: SimulatorDefinition; feed: ChangeFeed } {
  const store = new CustomerStore(records);
  const feed = new ChangeFeed('CORE_BANKING');
  const extractSource = options.extractSource ?? (() => fromIterable(store.all()));

  const customerLines = (cifs: readonly string[]): string[] =>
    cifs.map((cif) => {
      const record = store.get(cif);
      return record ? customerLine(record) : customerNotFoundLine(cif);
    });
  const accountLines = (cifs: readonly string[]): string[] =>
    cifs.flatMap((cif) => store.get(cif)?.accounts.map((account) => accountLine(cif, account)) ?? []);

  const routes: SimRoute[] = [
    route('customerInquiry', 'GET', /^\/cics\/custinq\/([^/]*)$/, (_req, [cif]) =>
      CIF.test(cif) ? ok(customerLines([cif])) : refused('invalidRequest', 'CIF MUST BE 10 DIGITS'),
    ),
    route('customerInquiryBatch', 'POST', /^\/cics\/custinq$/, (req) => {
      const cifs = readCifRequest(req.bytes);
      return Array.isArray(cifs) ? ok(customerLines(cifs)) : cifs;
    }),
    route('accountInquiry', 'GET', /^\/cics\/acctinq\/([^/]*)$/, (_req, [cif]) =>
      CIF.test(cif) ? ok(accountLines([cif])) : refused('invalidRequest', 'CIF MUST BE 10 DIGITS'),
    ),
    route('accountInquiryBatch', 'POST', /^\/cics\/acctinq$/, (req) => {
      const cifs = readCifRequest(req.bytes);
      return Array.isArray(cifs) ? ok(accountLines(cifs)) : cifs;
    }),
    route('transactionInquiry', 'GET', /^\/cics\/txninq\/([^/]*)$/, (req, [accountNumber]) => {
      if (!ACCOUNT_NUMBER.test(accountNumber)) return refused('invalidRequest', 'ACCOUNT NUMBER MUST BE 12 DIGITS');
      const limit = readLimit(req.query.get('limit'), DEFAULT_TRANSACTION_LIMIT, MAX_TRANSACTION_LIMIT);
      if (limit === undefined) return refused('invalidRequest', `LIMIT MUST BE 1 TO ${MAX_TRANSACTION_LIMIT}`);
      const entry = store.account(accountNumber);
      if (!entry) return ok([]);
      const newestFirst = [...entry.account.transactions].sort((a, b) => (a.bookingDate < b.bookingDate ? 1 : a.bookingDate > b.bookingDate ? -1 : 0));
      return ok(newestFirst.slice(0, limit).map((txn) => transactionLine(accountNumber, entry.account.currency, txn)));
    }),
    route('changeFeed', 'GET', /^\/cics\/chgfeed$/, (req) => {
      let start: number;
      try {
        start = parseCursor(req.query.get('cursor') ?? undefined);
      } catch (error) {
        if (error instanceof InvalidCursorError) return refused('invalidRequest', 'CURSOR MUST BE NUMERIC');
        throw error;
      }
      const limit = readLimit(req.query.get('limit'), MAX_CHANGE_LIMIT, MAX_CHANGE_LIMIT);
      if (limit === undefined) return refused('invalidRequest', `LIMIT MUST BE 1 TO ${MAX_CHANGE_LIMIT}`);
      const page = feed.since(String(start), limit);
      const lines = page.changes.map((change, i) => changeLine(start + i + 1, change.entity, change.localId, change.changedAt));
      return ok(lines, page.nextCursor);
    }),
    route('bulkExtract', 'GET', /^\/batch\/custmast$/, () => ({
      status: 200,
      body: Buffer.alloc(0),
      stream: extractChunks(extractSource()),
      contentType: CONTENT_TYPE,
    })),
  ];

  const definition: SimulatorDefinition = {
    system: 'CORE_BANKING',
    routes,
    serverError: () => refused('abend', 'TRANSACTION ABENDED'),
    notFound: () => refused('unknownProgram', 'NO PROGRAM FOR THIS REQUEST'),
    editRecord(body) {
      const updated = store.edit(body);
      return { entity: 'party', localId: updated.cif };
    },
    reset: () => store.reset(),
  };
  return { definition, feed };
}

export interface StartCoreBankingOptions extends CoreBankingSimulatorOptions {
  records: readonly CoreBankingCustomerRecord[];
  port?: number;
  host?: string;
  random?: Random;
}

export function startCoreBankingSimulator(options: StartCoreBankingOptions): Promise<RunningSimulator> {
  const { definition, feed } = createCoreBankingSimulator(options.records, { extractSource: options.extractSource });
  return startSimulator(definition, feed, { port: options.port, host: options.host, random: options.random });
}

/**
 * The core-banking adapter: fixed-width records over HTTP (see
 * simulators/core-banking/PROTOCOL.md), parsed through the copybooks, validated with zod,
 * mapped to the canonical model, every call through the kit's resilience policies.
 */

import type { ZodTypeAny, z } from 'zod/v4';
import type { Account, ChangePage, SourceParty, Transaction } from '../canonical';
import {
  chunk,
  createSystemClient,
  statusError,
  systemConfigFromEnv,
  UpstreamError,
  UpstreamProtocolError,
  UpstreamRejected,
  UpstreamUnavailable,
  type BreakerState,
  type ClientHooks,
  type SourceAdapter,
  type SystemClient,
  type SystemClientConfig,
  type UpstreamResponse,
} from '../kit';
import { decodeRecord } from './copybookCodec';
import { CUSTREC, ERRREC, MAX_BATCH_CIFS } from './coreBankingCopybooks';
import { assertAccountNumber, assertCifs, assertCursor, assertLimit } from './coreBankingInput';
import { toAccount, toChangeEvent, toSourceParty, toTransaction } from './coreBankingMapping';
import { wireAccountSchema, wireChangeSchema, wireCustomerSchema, wireErrorSchema, wireTransactionSchema } from './coreBankingWire';
import { decodeEbcdic, decodeEbcdicLatin1, encodeEbcdic } from './ebcdicCodePage';
import { readLines } from './lineReader';
import { readResponse, RecordReader, type FramedRecord } from './recordFraming';

/** Most CIFs one batch inquiry carries (the CICS program's limit). */
export const CORE_BANKING_BATCH_LIMIT = MAX_BATCH_CIFS;
export const DEFAULT_TRANSACTION_LIMIT = 20;

export interface CoreBankingAdapter extends SourceAdapter {
  /** Accounts per CIF, batched. An unknown CIF and a CIF without accounts both map to [] (the system does not tell them apart). */
  getAccounts(cifs: readonly string[]): Promise<Map<string, Account[]>>;
  /** The account's most recent transactions, newest first; [] for an unknown account. */
  getTransactions(accountNumber: string, limit?: number): Promise<Transaction[]>;
  breakerState(): BreakerState;
}

export interface CoreBankingAdapterOptions {
  hooks?: ClientHooks;
}

const SYSTEM = 'CORE_BANKING';
const TEXT_HEADERS = { 'content-type': 'text/plain; charset=IBM870', accept: 'text/plain' };
/** Bodies are host bytes (CCSID 870): axios must hand them over byte for byte, not as UTF-8. */
const BYTES = { responseEncoding: 'latin1' } as const;

/** The body as text: every byte through the host code page. */
function bodyText(response: UpstreamResponse): string {
  return decodeEbcdicLatin1(response.body);
}

/** The extract's byte chunks as text; single-byte, so a chunk boundary never splits a character. */
async function* decodedChunks(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  for await (const chunk of stream) yield decodeEbcdic(chunk);
}

/** Validates one decoded record; issue paths name fields, never values (no customer data in errors). */
function validate<S extends ZodTypeAny>(operation: string, schema: S, record: FramedRecord): z.infer<S> {
  const parsed = schema.safeParse(record.fields);
  if (!parsed.success) {
    throw new UpstreamProtocolError(SYSTEM, operation, `unexpected record at ${parsed.error.issues[0]?.path.join('.') || 'root'}`);
  }
  return parsed.data;
}

/** The system's failure answer (an ERRREC) as a typed error; the ERR-CODE is safe to name. */
function failure(operation: string, response: UpstreamResponse): UpstreamError {
  let code: string | undefined;
  try {
    const parsed = wireErrorSchema.safeParse(decodeRecord(ERRREC, bodyText(response).replace(/\r?\n$/, '')));
    if (parsed.success) code = parsed.data['ERR-CODE'];
  } catch {
    // An unreadable error body still has a meaningful HTTP status.
  }
  if (code === undefined) return statusError(SYSTEM, operation, response);
  if (response.status >= 500) return new UpstreamUnavailable(SYSTEM, operation, `server error (${response.status} ${code})`);
  return new UpstreamRejected(SYSTEM, operation, `request refused (${response.status} ${code})`);
}

/** Reads a buffered answer: an error record becomes a typed error, anything unreadable a protocol error. */
function records(operation: string, response: UpstreamResponse): ReturnType<typeof readResponse> {
  if (response.status !== 200) throw failure(operation, response);
  try {
    return readResponse(bodyText(response));
  } catch {
    throw new UpstreamProtocolError(SYSTEM, operation, 'unreadable or cut response');
  }
}

function expectType(operation: string, record: FramedRecord, type: FramedRecord['type']): void {
  if (record.type !== type) throw new UpstreamProtocolError(SYSTEM, operation, `unexpected ${record.type} record`);
}

export function createCoreBankingAdapter(
  config: SystemClientConfig = systemConfigFromEnv(SYSTEM),
  options: CoreBankingAdapterOptions = {},
): CoreBankingAdapter {
  const client: SystemClient = options.hooks ? createSystemClient(config, options.hooks) : createSystemClient(config);

  const inquire = <T>(operation: string, url: string, cifs: readonly string[], decode: (response: UpstreamResponse) => T): Promise<T> =>
    client.call(
      // The body is the CIFREQ copybook: one 10-digit CIF per line. An inquiry is a read, so it is retried.
      { operation, request: { method: 'POST', url, data: encodeEbcdic(`${cifs.join('\n')}\n`), headers: TEXT_HEADERS, ...BYTES }, idempotent: true },
      decode,
    );

  async function getParties(localIds: readonly string[]): Promise<Map<string, SourceParty | null>> {
    const operation = 'customerInquiryBatch';
    assertCifs(localIds, 'getParties');
    const cifs = [...new Set(localIds)];
    const result = new Map<string, SourceParty | null>(cifs.map((cif) => [cif, null]));
    const batches = await Promise.all(
      chunk(cifs, CORE_BANKING_BATCH_LIMIT).map((batch) =>
        inquire(operation, '/cics/custinq', batch, (response) => {
          const { records: lines } = records(operation, response);
          // The program answers one record per CIF asked, in order: anything else is a broken answer.
          if (lines.length !== batch.length) throw new UpstreamProtocolError(SYSTEM, operation, 'record count differs from CIFs asked');
          return lines.map((line, i) => {
            expectType(operation, line, 'CU');
            const wire = validate(operation, wireCustomerSchema, line);
            if (wire['CUST-CIF'] !== batch[i]) throw new UpstreamProtocolError(SYSTEM, operation, 'records out of request order');
            return toSourceParty(wire);
          });
        }),
      ),
    );
    for (const parties of batches) for (const party of parties) if (party) result.set(party.localId, party);
    return result;
  }

  async function getAccounts(cifs: readonly string[]): Promise<Map<string, Account[]>> {
    const operation = 'accountInquiryBatch';
    assertCifs(cifs, 'getAccounts');
    const unique = [...new Set(cifs)];
    const result = new Map<string, Account[]>(unique.map((cif) => [cif, []]));
    const batches = await Promise.all(
      chunk(unique, CORE_BANKING_BATCH_LIMIT).map((batch) =>
        inquire(operation, '/cics/acctinq', batch, (response) =>
          records(operation, response).records.map((line) => {
            expectType(operation, line, 'AC');
            return toAccount(validate(operation, wireAccountSchema, line));
          }),
        ),
      ),
    );
    for (const accounts of batches) {
      for (const account of accounts) {
        const list = result.get(account.cif);
        if (!list) throw new UpstreamProtocolError(SYSTEM, operation, 'account of a CIF not asked for');
        list.push(account);
      }
    }
    return result;
  }

  async function getTransactions(accountNumber: string, limit = DEFAULT_TRANSACTION_LIMIT): Promise<Transaction[]> {
    const operation = 'transactionInquiry';
    assertAccountNumber(accountNumber, 'getTransactions');
    assertLimit(limit, 'getTransactions');
    return client.call({ operation, request: { method: 'GET', url: `/cics/txninq/${accountNumber}`, params: { limit }, ...BYTES }, idempotent: true }, (response) =>
      records(operation, response).records.map((line) => {
        expectType(operation, line, 'TX');
        const txn = toTransaction(validate(operation, wireTransactionSchema, line));
        if (txn.accountNumber !== accountNumber) throw new UpstreamProtocolError(SYSTEM, operation, 'transaction of another account');
        return txn;
      }),
    );
  }

  async function changes(cursor?: string): Promise<ChangePage> {
    const operation = 'changeFeed';
    assertCursor(cursor, 'changes');
    return client.call(
      { operation, request: { method: 'GET', url: '/cics/chgfeed', params: cursor === undefined ? {} : { cursor }, ...BYTES }, idempotent: true },
      (response) => {
        const { records: lines, trailer } = records(operation, response);
        const events = lines.map((line) => {
          expectType(operation, line, 'CH');
          return toChangeEvent(validate(operation, wireChangeSchema, line));
        });
        return { changes: events, nextCursor: trailer.nextCursor };
      },
    );
  }

  /**
   * The nightly extract, one party at a time over the HTTP stream: memory stays constant
   * whatever the file size, and a consumer that stops early closes the connection.
   * A cut file (no trailer, wrong count, partial record) fails the iteration with an
   * UpstreamProtocolError after the records read so far; a dropped connection with UpstreamUnavailable.
   */
  async function* extractParties(): AsyncGenerator<SourceParty> {
    const operation = 'bulkExtract';
    const { stream } = await client.openStream({ operation, request: { method: 'GET', url: '/batch/custmast' } });
    const reader = new RecordReader();
    try {
      for await (const line of readLines(decodedChunks(stream), CUSTREC.length + 1)) {
        let party: SourceParty | null;
        try {
          const record = reader.accept(line);
          if (record === null) continue;
          expectType(operation, record, 'CU');
          party = toSourceParty(validate(operation, wireCustomerSchema, record));
        } catch (error) {
          if (error instanceof UpstreamError) throw error;
          throw new UpstreamProtocolError(SYSTEM, operation, 'unreadable or cut extract');
        }
        if (party === null) throw new UpstreamProtocolError(SYSTEM, operation, 'not-found record in the extract');
        yield party;
      }
      // A socket closed without an error still leaves the body unfinished.
      if (!stream.readableEnded) throw new UpstreamUnavailable(SYSTEM, operation, 'extract stream broke off');
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      if (error instanceof Error && error.name === 'LineTooLongError') throw new UpstreamProtocolError(SYSTEM, operation, 'unreadable or cut extract');
      throw new UpstreamUnavailable(SYSTEM, operation, 'extract stream broke off');
    } finally {
      stream.destroy();
    }
    try {
      reader.finish();
    } catch {
      throw new UpstreamProtocolError(SYSTEM, operation, 'extract ended without its trailer');
    }
  }

  return {
    system: SYSTEM,
    getParties,
    getAccounts,
    getTransactions,
    extractParties,
    changes,
    breakerState: () => client.breakerState(),
    close: () => client.close(),
  };
}

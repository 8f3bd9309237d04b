/**
 * How records travel: one fixed-width record per line (LF-terminated), each starting with its
 * two-character record type, and every successful response (and the nightly extract) closed
 * by a trailer record (TRLREC) carrying the number of records before it.
 *
 * The trailer is what makes a cut response detectable: fixed-width lines can be cut exactly at
 * a line boundary and still look valid, but the count or the trailer itself will then be missing.
 */

import { decodeRecord, encodeRecord, type DecodedRecord } from './copybookCodec';
import { RECORD_TYPES, TRLREC, type RecordType } from './coreBankingCopybooks';

export class RecordFramingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordFramingError';
  }
}

export interface FramedRecord {
  type: Exclude<RecordType, 'TR'>;
  fields: DecodedRecord;
}

export interface Trailer {
  recordCount: number;
  nextCursor: string;
  createdAt: string | null;
}

/** The trailer line closing a response of `recordCount` records. */
export function trailerLine(recordCount: number, nextCursor = '0', createdAt: string = new Date().toISOString()): string {
  return encodeRecord(TRLREC, { 'TRL-RECORD-COUNT': recordCount, 'TRL-NEXT-CURSOR': nextCursor, 'TRL-CREATED-TS': createdAt });
}

/** A whole response body: the record lines, then the trailer. */
export function frameResponse(lines: readonly string[], nextCursor = '0'): string {
  let body = '';
  for (const line of lines) body += `${line}\n`;
  return `${body}${trailerLine(lines.length, nextCursor)}\n`;
}

function isRecordType(type: string): type is RecordType {
  return Object.prototype.hasOwnProperty.call(RECORD_TYPES, type);
}

/**
 * Reads a response line by line (so a streamed extract is checked with constant memory).
 * Feed it every line with `accept`, then call `finish` to get the trailer; either throws on a
 * line that breaks the framing, and `finish` throws when the trailer is missing or disagrees.
 */
export class RecordReader {
  private count = 0;
  private trailer: Trailer | undefined;

  /** Decodes one line; returns `null` for the trailer itself. */
  accept(line: string): FramedRecord | null {
    if (this.trailer) throw new RecordFramingError('record after the trailer');
    const type = line.slice(0, 2);
    if (!isRecordType(type)) throw new RecordFramingError('unknown record type');
    const fields = decodeRecord(RECORD_TYPES[type], line);
    if (type === 'TR') {
      this.trailer = {
        recordCount: Number(fields['TRL-RECORD-COUNT']),
        nextCursor: String(Number(fields['TRL-NEXT-CURSOR'])),
        createdAt: fields['TRL-CREATED-TS'] as string | null,
      };
      if (this.trailer.recordCount !== this.count) throw new RecordFramingError('trailer count does not match the records received');
      return null;
    }
    this.count += 1;
    return { type, fields };
  }

  finish(): Trailer {
    if (!this.trailer) throw new RecordFramingError('response ended without a trailer');
    return this.trailer;
  }
}

/** Parses a complete (buffered) response body of a small inquiry. */
export function readResponse(body: string): { records: FramedRecord[]; trailer: Trailer } {
  if (!body.endsWith('\n')) throw new RecordFramingError('response does not end with a complete line');
  const reader = new RecordReader();
  const records: FramedRecord[] = [];
  const lines = body.split('\n');
  lines.pop();
  for (const line of lines) {
    const record = reader.accept(line);
    if (record) records.push(record);
  }
  return { records, trailer: reader.finish() };
}

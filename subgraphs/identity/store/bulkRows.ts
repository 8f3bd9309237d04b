import { finished } from 'node:stream/promises';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Schema } from '../../../db/schema';
import { isEmbeddedDatabase } from './embeddedDatabase';
import { unnestText } from '../../../db/sqlArrays';

/** One row of a bulk write: text values (a text[] column takes a string array), null for NULL. */
export type BulkValue = string | null | readonly string[];

/**
 * Appends rows to tables in bulk inside the caller's transaction: PostgreSQL's COPY FROM STDIN on
 * a server (one round trip and no per-row parsing of SQL parameters: several times the rows a
 * second of multi-row INSERTs), `INSERT ... SELECT FROM unnest(...)` on PGlite (the embedded
 * database serves populations of thousands, where the difference does not matter).
 */
export type BulkWriter = CopyWriter | InsertWriter;

interface RowWriter {
  append(table: string, columns: readonly string[], rows: readonly (readonly BulkValue[])[]): Promise<void>;
}
export interface InsertWriter extends RowWriter {
  readonly method: 'insert';
}
export interface CopyWriter extends RowWriter {
  readonly method: 'copy';
  /** Rows already in COPY's text format (`copyText`), as UTF-8: built elsewhere, e.g. on another thread. */
  appendCopyText(table: string, columns: readonly string[], text: Uint8Array): Promise<void>;
}

export async function openBulkWriter(trx: Transaction<Schema>): Promise<BulkWriter> {
  if (await isEmbeddedDatabase(trx)) return { method: 'insert', append: (table, columns, values) => insertRows(trx, table, columns, values) };
  return {
    method: 'copy',
    append: async (table, columns, values) => {
      if (values.length > 0) await copyIn(trx, table, columns, copyText(values));
    },
    appendCopyText: async (table, columns, text) => {
      if (text.byteLength > 0) await copyIn(trx, table, columns, Buffer.from(text.buffer, text.byteOffset, text.byteLength));
    },
  };
}

async function insertRows(trx: Transaction<Schema>, table: string, columns: readonly string[], rows: readonly (readonly BulkValue[])[]): Promise<void> {
  if (rows.length === 0) return;
  // Every value travels as text (arrays as their literal) and is cast to its column's type.
  const types = await columnTypes(trx, table);
  const texts = columns.map((_, c) => rows.map((row) => (Array.isArray(row[c]) ? arrayLiteral(row[c] as readonly string[]) : (row[c] as string | null))));
  const names = columns.map((_, c) => `c${c}`);
  const selected = sql.join(names.map((name, c) => sql`${sql.ref(name)}::${sql.raw(types.get(columns[c]) ?? 'text')}`));
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${selected} from ${unnestText(texts)} as r(${sql.join(names.map((n) => sql.ref(n)))})`.execute(trx);
}

/** A table's columns and their declared types (`jsonb`, `text[]`, ...), from the catalog. */
async function columnTypes(trx: Transaction<Schema>, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`
    select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(trx);
  return new Map(rows.map((r) => [r.name, r.type]));
}

/**
 * COPY through the transaction's own connection. Kysely hands a query's `sql` to pg's
 * `client.query`, which runs any Submittable it is given (pg's documented extension point, the one
 * pg-copy-streams uses): the COPY stream is that Submittable, so it runs on the connection that
 * holds the transaction, queued like any other query, and its rows commit or roll back with it.
 */
async function copyIn(trx: Transaction<Schema>, table: string, columns: readonly string[], text: string | Buffer): Promise<void> {
  const statement = `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin`;
  const stream = copyFrom(statement);
  const done = finished(stream);
  const query = { ...CompiledQuery.raw(statement), sql: stream as unknown as string };
  await trx.executeQuery(query);
  stream.end(text);
  await done;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** COPY's text format: tab-separated, one row a line, `\N` for NULL, backslash escapes. */
export function copyText(rows: readonly (readonly BulkValue[])[]): string {
  const lines: string[] = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r];
    let line = '';
    for (let c = 0; c < row.length; c += 1) {
      const value = row[c];
      const text = value === null ? '\\N' : escapeCopy(typeof value === 'string' ? value : arrayLiteral(value as readonly string[]));
      line = c === 0 ? text : `${line}\t${text}`;
    }
    lines[r] = line;
  }
  return `${lines.join('\n')}\n`;
}

const COPY_SPECIAL = /[\\\n\r\t]/g;
const HAS_COPY_SPECIAL = /[\\\n\r\t]/; // no `g`: test() on a global regex keeps state between calls
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeCopy = (text: string) => (HAS_COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIAL, (ch) => COPY_ESCAPES[ch]) : text);

/** A text[] literal: every element quoted, `"` and `\` escaped (`{"a","b \"c\""}`). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

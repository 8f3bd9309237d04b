/**
 * The simulator's own reader of the host's copybooks (adapters/core-banking/copybooks/*.cpy,
 * the interface contract the mainframe team publishes). It is deliberately not the adapter's
 * parser: both read the same .cpy text with their own code, so an offset one of them gets wrong
 * shows up in the contract tests instead of being agreed on silently.
 *
 * It reads what these interface copybooks use and refuses anything else: level numbers, data
 * names, `PIC X(n)`, `PIC 9(n)`, `PIC S9(n)V9(m)` / `V99` (zoned, USAGE DISPLAY), a quoted
 * `VALUE`, `FILLER`, `88` condition names (no storage) and comment lines (`*` in column 7).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

export type HostFieldKind = 'text' | 'unsigned' | 'zoned';

export interface HostField {
  name: string;
  offset: number;
  length: number;
  kind: HostFieldKind;
  /** Zoned fields: digits after the implied decimal point. */
  decimals: number;
  /** A `VALUE` literal (the record-type markers). */
  value?: string;
}

export interface HostLayout {
  record: string;
  length: number;
  fields: Map<string, HostField>;
}

/** Where the host's copybooks are published (beside the adapter that consumes them). */
export const COPYBOOK_FOLDER = path.join(__dirname, '..', '..', 'adapters', 'core-banking', 'copybooks');

const ITEM = /^(\d{2})\s+([A-Z0-9-]+)(?:\s+PIC\s+(\S+))?(?:\s+VALUE\s+'([^']*)')?$/;

/** `X(30)` -> 30 text; `9(10)` -> 10 unsigned; `S9(13)V99` -> 15 zoned with 2 decimals. */
function picture(pic: string, name: string): Pick<HostField, 'length' | 'kind' | 'decimals'> {
  const text = /^X\((\d+)\)$/.exec(pic);
  if (text) return { kind: 'text', length: Number(text[1]), decimals: 0 };
  const unsigned = /^9\((\d+)\)$/.exec(pic);
  if (unsigned) return { kind: 'unsigned', length: Number(unsigned[1]), decimals: 0 };
  const zoned = /^S9\((\d+)\)V(9+|9\((\d+)\))$/.exec(pic);
  if (zoned) {
    const decimals = zoned[3] !== undefined ? Number(zoned[3]) : zoned[2].length;
    return { kind: 'zoned', length: Number(zoned[1]) + decimals, decimals };
  }
  throw new Error(`copybook picture ${pic} of ${name} is not one the simulator reads`);
}

/** Reads copybook text into a layout. */
export function readCopybook(source: string): HostLayout {
  let record = '';
  let offset = 0;
  const fields = new Map<string, HostField>();
  const statements = source
    .split('\n')
    .filter((line) => line.length > 6 && line[6] !== '*' && line.trim() !== '')
    .join(' ')
    .split('.')
    .map((statement) => statement.trim().replace(/\s+/g, ' '))
    .filter((statement) => statement !== '');
  for (const statement of statements) {
    const item = ITEM.exec(statement);
    if (!item) throw new Error(`copybook statement not understood: ${statement.slice(0, 40)}`);
    const [, level, name, pic, value] = item;
    if (level === '88') continue;
    if (level === '01') {
      record = name;
      continue;
    }
    if (pic === undefined) continue; // a group: its width is its items'
    const field: HostField = { name, offset, ...picture(pic, name), ...(value !== undefined ? { value } : {}) };
    offset += field.length;
    if (name !== 'FILLER') fields.set(name, field);
  }
  if (record === '' || offset === 0) throw new Error('copybook without an 01 record and its fields');
  return { record, length: offset, fields };
}

/** Reads one published member, e.g. `CUSTREC`. */
export function loadCopybook(member: string): HostLayout {
  return readCopybook(readFileSync(path.join(COPYBOOK_FOLDER, `${member}.cpy`), 'utf8'));
}

/**
 * A small COBOL copybook reader: turns the `.cpy` text into a record layout (field name,
 * offset, length, kind, scale) that drives both parsing and formatting in copybookCodec.ts.
 *
 * It reads the subset a fixed-width interface copybook uses: one `01` record, group and
 * elementary items, `PIC X(n)` / `A(n)` text, `PIC 9(n)` digit strings, `PIC S9(n)V9(m)` zoned
 * decimals (USAGE DISPLAY), `VALUE` literals, `FILLER`, `88` condition names (ignored), `*`
 * comment lines and `*>` inline comments. Anything else (OCCURS, REDEFINES, COMP, COMP-3,
 * edited pictures) is refused loudly: silently mis-reading a layout would corrupt every record.
 *
 * Two naming conventions give dates and timestamps their own kind, because COBOL has no date
 * type: a `PIC 9(8)` item whose name ends in `-DATE` is `YYYYMMDD`, a `PIC 9(17)` item whose
 * name ends in `-TS` is `YYYYMMDDHHMMSSmmm` (UTC); all zeros means "none" for both.
 */

import { MAX_ZONED_DIGITS } from './zonedDecimal';

export type FieldKind = 'text' | 'digits' | 'zoned' | 'date' | 'timestamp' | 'filler';

export interface CopybookField {
  /** The COBOL data name, e.g. `CUST-CIF`; `FILLER` for unnamed padding. */
  name: string;
  /** Zero-based character offset in the record. */
  offset: number;
  length: number;
  kind: FieldKind;
  /** Zoned decimals: the sign is overpunched in the last byte. */
  signed: boolean;
  /** Zoned decimals: implied decimal places (`V99` -> 2). */
  scale: number;
  /** A `VALUE` literal on a text item (record-type markers): the default when encoding. */
  value?: string;
}

export interface CopybookLayout {
  /** The `01` record name, e.g. `CUST-RECORD`. */
  name: string;
  /** Record length in characters (every line of this record type is exactly this long). */
  length: number;
  fields: CopybookField[];
}

export class CopybookSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopybookSyntaxError';
  }
}

/** Strips comment lines and inline comments, keeping the code text. */
function codeText(source: string): string {
  return source
    .split(/\r?\n/)
    .filter((line) => {
      const trimmed = line.trim();
      // Fixed format puts `*` or `/` in column 7; free format starts the line with `*`.
      return trimmed !== '' && !trimmed.startsWith('*') && line[6] !== '*' && line[6] !== '/';
    })
    .map((line) => {
      const inline = line.indexOf('*>');
      return inline >= 0 ? line.slice(0, inline) : line;
    })
    .join(' ');
}

/** Splits code text into period-terminated statements, respecting quoted literals. */
function statements(code: string): string[][] {
  const tokens = code.match(/'[^']*'|"[^"]*"|[^\s]+/g) ?? [];
  const result: string[][] = [];
  let current: string[] = [];
  for (const token of tokens) {
    const quoted = token.startsWith("'") || token.startsWith('"');
    if (!quoted && token.endsWith('.')) {
      const bare = token.slice(0, -1);
      if (bare !== '') current.push(bare);
      result.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) throw new CopybookSyntaxError('statement without a terminating period');
  return result;
}

/** Expands `X(3)9(2)` to `XXX99` so the picture can be read character by character. */
function expandPicture(picture: string): string {
  return picture.toUpperCase().replace(/([X9AVS])\((\d+)\)/g, (_, symbol: string, count: string) => symbol.repeat(Number(count)));
}

interface Picture {
  kind: 'text' | 'digits' | 'zoned';
  length: number;
  signed: boolean;
  scale: number;
}

function readPicture(name: string, picture: string): Picture {
  const expanded = expandPicture(picture);
  if (/^[XA]+$/.test(expanded)) return { kind: 'text', length: expanded.length, signed: false, scale: 0 };
  const numeric = /^(S?)(9+)(?:V(9+))?$/.exec(expanded);
  if (!numeric) throw new CopybookSyntaxError(`unsupported picture ${picture} on ${name}`);
  const [, sign, whole, fraction = ''] = numeric;
  const digits = whole.length + fraction.length;
  if (sign === '' && fraction === '') return { kind: 'digits', length: digits, signed: false, scale: 0 };
  if (digits > MAX_ZONED_DIGITS) throw new CopybookSyntaxError(`zoned field ${name} wider than ${MAX_ZONED_DIGITS} digits`);
  return { kind: 'zoned', length: digits, signed: sign === 'S', scale: fraction.length };
}

function clauseValue(tokens: string[], keyword: string): string | undefined {
  const at = tokens.findIndex((t) => t.toUpperCase() === keyword);
  if (at < 0) return undefined;
  const next = tokens[at + 1]?.toUpperCase() === 'IS' ? tokens[at + 2] : tokens[at + 1];
  if (next === undefined) throw new CopybookSyntaxError(`${keyword} without an operand`);
  return next;
}

const UNSUPPORTED = ['OCCURS', 'REDEFINES', 'COMP', 'COMP-1', 'COMP-2', 'COMP-3', 'COMP-4', 'COMP-5', 'BINARY', 'PACKED-DECIMAL', 'RENAMES'];

/** Parses one copybook holding a single `01` record into its layout. */
export function parseCopybook(source: string): CopybookLayout {
  let recordName: string | undefined;
  const fields: CopybookField[] = [];
  let offset = 0;
  for (const tokens of statements(codeText(source))) {
    const [levelText, rawName] = tokens;
    if (!/^\d{1,2}$/.test(levelText ?? '')) throw new CopybookSyntaxError(`expected a level number, got ${levelText}`);
    const level = Number(levelText);
    if (rawName === undefined) throw new CopybookSyntaxError(`level ${level} without a data name`);
    const name = rawName.toUpperCase();
    if (level === 88) continue; // condition names document values; they take no storage
    const unsupported = tokens.find((t) => UNSUPPORTED.includes(t.toUpperCase()));
    if (unsupported) throw new CopybookSyntaxError(`${unsupported} is not supported (on ${name})`);
    if (level === 1) {
      if (recordName !== undefined) throw new CopybookSyntaxError('more than one 01 record in a copybook');
      recordName = name;
      continue;
    }
    if (level < 2 || level > 49) throw new CopybookSyntaxError(`unsupported level ${level} on ${name}`);
    if (recordName === undefined) throw new CopybookSyntaxError(`${name} appears before the 01 record`);
    const picture = clauseValue(tokens, 'PIC') ?? clauseValue(tokens, 'PICTURE');
    if (picture === undefined) continue; // a group item: its width is its children's
    const pic = readPicture(name, picture);
    const literal = clauseValue(tokens, 'VALUE');
    let value: string | undefined;
    if (literal !== undefined) {
      if (pic.kind !== 'text' || !/^(['"]).*\1$/.test(literal)) {
        throw new CopybookSyntaxError(`only quoted VALUE literals on text items are supported (on ${name})`);
      }
      value = literal.slice(1, -1);
      if (value.length > pic.length) throw new CopybookSyntaxError(`VALUE wider than its picture on ${name}`);
    }
    let kind: FieldKind = pic.kind;
    if (name === 'FILLER') kind = 'filler';
    else if (pic.kind === 'digits' && pic.length === 8 && name.endsWith('-DATE')) kind = 'date';
    else if (pic.kind === 'digits' && pic.length === 17 && name.endsWith('-TS')) kind = 'timestamp';
    if (kind !== 'filler' && fields.some((f) => f.name === name)) throw new CopybookSyntaxError(`duplicate field ${name}`);
    fields.push({ name, offset, length: pic.length, kind, signed: pic.signed, scale: pic.scale, ...(value !== undefined ? { value } : {}) });
    offset += pic.length;
  }
  if (recordName === undefined) throw new CopybookSyntaxError('no 01 record in copybook');
  if (fields.length === 0) throw new CopybookSyntaxError(`record ${recordName} has no elementary items`);
  return { name: recordName, length: offset, fields };
}

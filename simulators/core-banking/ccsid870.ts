/**
 * EBCDIC CCSID 870 (Latin-2 multilingual), the host's code page, as the simulator's own table:
 * transcribed row by row from IBM's code chart for 870 (bytes X'40' to X'FF'; below X'40' are
 * controls, of which the host's files use only LF, X'25'). The adapter decodes with a table from
 * a library (adapters/core-banking/ebcdicCodePage.ts), so a byte transcribed wrongly here fails
 * the contract tests. The golden bytes both sides are tested against are in
 * golden/ccsid870.golden.json.
 */

// One string per chart row: character i of row X is byte X*16 + i. U+00A0 is the required
// space (X'41'), U+00AD the soft hyphen (X'CA'), U+009F the EO control (X'FF').
const CHART_ROWS: Readonly<Record<number, string>> = {
  0x4: ' \u00a0âäţáăčçć[.<(+!',
  0x5: '&éęëůíîľĺß]$*);^',
  0x6: '-/ÂÄ˝ÁĂČÇĆ|,%_>?',
  0x7: 'ˇÉĘËŮÍÎĽĹ`:#@\'="',
  0x8: '˘abcdefghiśňđýřş',
  0x9: '°jklmnopqrłńš¸˛¤',
  0xa: 'ą~stuvwxyzŚŇĐÝŘŞ',
  0xb: '˙ĄżŢŻ§žźŽŹŁŃŠ¨´×',
  0xc: '{ABCDEFGHI\u00adôöŕóő',
  0xd: '}JKLMNOPQRĚűüťúě',
  0xe: '\\÷STUVWXYZďÔÖŔÓŐ',
  0xf: '0123456789ĎŰÜŤÚ\u009f',
};

/** The line end of the host's text files and responses. */
export const EBCDIC_LF = 0x25;
/** SUB: what the host writes for a character its code page does not hold. */
export const EBCDIC_SUB = 0x3f;

// Every character of the chart lies below U+0300, so a flat array indexed by code unit is the
// whole encoder (-1: not in the page). The nightly extract pushes ~350 bytes per customer through it.
const BYTE_OF = new Int16Array(0x300).fill(-1);
const TO_CHAR = new Map<number, string>([[EBCDIC_LF, '\n']]);
BYTE_OF[0x0a] = EBCDIC_LF;
for (const [row, chars] of Object.entries(CHART_ROWS)) {
  if (chars.length !== 16) throw new Error(`code chart row ${row} must hold 16 characters`);
  [...chars].forEach((char, column) => {
    const byte = Number(row) * 16 + column;
    BYTE_OF[char.charCodeAt(0)] = byte;
    TO_CHAR.set(byte, char);
  });
}

function byteOf(unit: number): number {
  return unit < BYTE_OF.length ? BYTE_OF[unit] : -1;
}

/** True when the host's code page holds `char` (one UTF-16 code unit). */
export function inCodePage(char: string): boolean {
  return char.length === 1 && byteOf(char.charCodeAt(0)) >= 0;
}

/** Text -> host bytes; a character the page lacks becomes SUB, as a host conversion writes it. */
export function toEbcdic(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const byte = byteOf(text.charCodeAt(i));
    bytes[i] = byte >= 0 ? byte : EBCDIC_SUB;
  }
  return bytes;
}

/** Host bytes -> text; a byte outside the chart (a control) reads as U+FFFD. */
export function fromEbcdic(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += TO_CHAR.get(byte) ?? '\ufffd';
  return text;
}

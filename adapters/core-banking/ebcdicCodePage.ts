/**
 * The core-banking host's code page: EBCDIC CCSID 870 (Latin-2 multilingual), one byte per
 * character, so every copybook field keeps its byte width. It holds Polish, Czech, Hungarian,
 * German, French and Spanish letters (Ł, Ś, Ř, Ő, Ü, É, Ç, ß...), which is what lets a name like
 * BARTŁOMIEJ survive the host (simulators/core-banking/PROTOCOL.md, "Code page").
 *
 * The tables come from the `codepage` package (SheetJS), not from this project: the simulator
 * encodes with its own table transcribed from IBM's code chart, so a wrong byte on either side
 * fails the contract tests instead of being written and read back the same way.
 */

import cptable from 'codepage/dist/sbcs.full.js';

const CCSID = 870;
/** EBCDIC SUB: what a host conversion writes for a character the code page lacks. */
export const EBCDIC_SUB = 0x3f;

/** byte -> UTF-16 code unit, for every one of the 256 bytes (the page maps them all). */
const TO_UNICODE = new Uint16Array(256);
/** UTF-16 code unit -> byte, for the characters the page holds. */
const FROM_UNICODE = new Map<number, number>();

for (let byte = 0; byte < 256; byte += 1) {
  const char = cptable[CCSID].dec[byte];
  if (typeof char !== 'string' || char.length !== 1) throw new Error(`code page ${CCSID} has no character for byte ${byte}`);
  TO_UNICODE[byte] = char.charCodeAt(0);
  if (!FROM_UNICODE.has(TO_UNICODE[byte])) FROM_UNICODE.set(TO_UNICODE[byte], byte);
}

export class CodePageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodePageError';
  }
}

/** Host bytes -> text. Every byte has a character, so decoding never fails. */
export function decodeEbcdic(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) units[i] = TO_UNICODE[bytes[i]];
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}

/**
 * Host bytes carried in a latin1 string (one char per byte, as axios hands a body read with
 * `responseEncoding: 'latin1'`) -> text.
 */
export function decodeEbcdicLatin1(body: string): string {
  const units = new Uint16Array(body.length);
  for (let i = 0; i < body.length; i += 1) units[i] = TO_UNICODE[body.charCodeAt(i) & 0xff];
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}

/** True when every character of `text` has a byte in the code page. */
export function isEncodable(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (!FROM_UNICODE.has(text.charCodeAt(i))) return false;
  return true;
}

/** Text -> host bytes; a character the page lacks is refused (the adapter never guesses a byte). */
export function encodeEbcdic(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const byte = FROM_UNICODE.get(text.charCodeAt(i));
    if (byte === undefined) throw new CodePageError(`character at position ${i} is not in CCSID ${CCSID}`);
    bytes[i] = byte;
  }
  return bytes;
}

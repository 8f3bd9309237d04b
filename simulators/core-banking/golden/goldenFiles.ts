/**
 * The core-banking golden fixtures (this folder), written by hand from the copybooks, PROTOCOL.md
 * and IBM's CCSID 870 chart. The simulator's tests and the adapter's tests both check against
 * them, so a misreading the two share still fails one of them.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface CodePageGolden {
  bytes: Record<string, string>;
  samples: Array<{ text: string; hex: string }>;
}

export interface CustrecGolden {
  record: Record<string, unknown>;
  segments: Array<[string, number]>;
  canonical: Record<string, unknown>;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(path.join(__dirname, name), 'utf8')) as T;

export const codePageGolden = (): CodePageGolden => read('ccsid870.golden.json');
export const custrecGolden = (): CustrecGolden => read('custrec.golden.json');

/** The golden line: each segment padded to its width. */
export function goldenLine(segments: Array<[string, number]>): string {
  return segments.map(([text, width]) => text.padEnd(width, ' ')).join('');
}

/** Text -> bytes through the golden chart only (refuses a character the golden does not list). */
export function goldenBytes(text: string, chart: Record<string, string>): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const hex = chart[char];
      if (hex === undefined) throw new Error(`the golden chart lists no byte for U+${char.charCodeAt(0).toString(16)}`);
      return parseInt(hex, 16);
    }),
  );
}

/**
 * The core-banking system's record layouts, read once from the copybooks the mainframe team
 * publishes (./copybooks/*.cpy). The copybooks, not this code, are the interface contract:
 * a changed layout is a changed .cpy file and nothing else.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCopybook, type CopybookLayout } from './copybookLayout';

export const COPYBOOK_DIR = path.join(__dirname, 'copybooks');

function load(member: string): CopybookLayout {
  return parseCopybook(readFileSync(path.join(COPYBOOK_DIR, `${member}.cpy`), 'utf8'));
}

export const CUSTREC = load('CUSTREC');
export const ACCTREC = load('ACCTREC');
export const TXNREC = load('TXNREC');
export const CHGREC = load('CHGREC');
export const TRLREC = load('TRLREC');
export const ERRREC = load('ERRREC');
export const CIFREQ = load('CIFREQ');

/** Every record starts with a two-character type; this maps the type to its layout. */
export const RECORD_TYPES = {
  CU: CUSTREC,
  AC: ACCTREC,
  TX: TXNREC,
  CH: CHGREC,
  TR: TRLREC,
  ER: ERRREC,
} as const;

export type RecordType = keyof typeof RECORD_TYPES;

/** Largest number of CIFs one batch inquiry may carry (the CICS program's COMMAREA limit). */
export const MAX_BATCH_CIFS = 50;

/** A CIF is exactly ten digits. */
export const CIF_PATTERN = /^\d{10}$/;

/** An account number is exactly twelve digits. */
export const ACCOUNT_NUMBER_PATTERN = /^\d{12}$/;

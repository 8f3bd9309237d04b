/** Why a dropped file was refused whole (PROTOCOL.md, "What the adapter refuses"). */
export type RejectionReason =
  | 'MANIFEST_INVALID'
  | 'NAME_MISMATCH'
  | 'TRUNCATED'
  | 'CHECKSUM_MISMATCH'
  | 'COUNT_MISMATCH'
  | 'MALFORMED'
  | 'CONFLICTS_WITH_APPLIED';

/**
 * A dropped file refused whole: nothing of it is applied and the data served stays what it was.
 * The message names the file and the reason, and at most a line number: never a field's value
 * (the rows hold customer data).
 */
export class DropFileRejected extends Error {
  override readonly name = 'DropFileRejected';
  constructor(
    readonly file: string,
    readonly reason: RejectionReason,
    detail: string,
  ) {
    super(`MORTGAGES drop file ${file} rejected (${reason}): ${detail}`);
  }
}

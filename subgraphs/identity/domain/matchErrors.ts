/**
 * Typed errors of the matcher's file interfaces. Messages name the file and line, never the
 * content of a line: input lines hold customer data.
 */
export class MatchInputError extends Error {
  readonly code = 'MATCH_INPUT_INVALID';
  constructor(
    /** What is wrong, without the file and line. */
    readonly reason: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${reason} (${file}${line !== undefined ? `:${line}` : ''})` : reason);
    this.name = 'MatchInputError';
  }
}

export class MatchUsageError extends Error {
  readonly code = 'MATCH_USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'MatchUsageError';
  }
}

/**
 * Typed errors of the dataset module. Messages name files, line numbers and options, never the
 * content of a record (it is customer data, even if synthetic).
 */
export class DatasetOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetOptionsError';
  }
}

export class DatasetFormatError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'DatasetFormatError';
  }
}

export class DatasetMissingError extends Error {
  constructor(readonly file: string) {
    super(`dataset file not found: ${file}`);
    this.name = 'DatasetMissingError';
  }
}

/**
 * The client side of the OData v2 `$filter` language: the literals and the key or-chains the
 * adapter sends (simulators/erp/PROTOCOL.md). The server side (parsing) is the ERP's, and lives
 * with its simulator; the two are written independently and meet in the contract tests.
 */

/** A value the formatter cannot write as a literal. */
export class ODataFilterFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ODataFilterFormatError';
  }
}

/** `O'Brien` -> `'O''Brien'`. */
export function formatStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An ISO instant -> `datetime'2026-11-27T08:00:00.000'` (UTC, as SAP expects it without a zone). */
export function formatDateTimeLiteral(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ODataFilterFormatError('not an ISO instant');
  return `datetime'${new Date(ms).toISOString().replace(/Z$/, '')}'`;
}

/** `P eq 'a' or P eq 'b'`: the filter a batch lookup by key sends. */
export function formatEqualsAny(property: string, values: readonly string[]): string {
  if (values.length === 0) throw new ODataFilterFormatError('an equality filter needs at least one value');
  return values.map((value) => `${property} eq ${formatStringLiteral(value)}`).join(' or ');
}

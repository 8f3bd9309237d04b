/**
 * The OData v2 JSON date codec: SAP gateways write Edm.DateTime as `/Date(<ms since epoch>)/`
 * and Edm.DateTimeOffset as `/Date(<ms>+<hhmm>)/`. The milliseconds are always UTC; the offset
 * only records the zone the value was entered in, so decoding ignores it.
 */

const DATE_PATTERN = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/;

export class ODataDateError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ODataDateError';
  }
}

/** An ISO instant or `YYYY-MM-DD` date (read as UTC midnight) -> `/Date(ms)/`. */
export function encodeODataDate(isoOrDate: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T00:00:00Z` : isoOrDate);
  if (Number.isNaN(ms)) throw new ODataDateError('not an ISO date or instant');
  return `/Date(${ms})/`;
}

/** `/Date(ms)/` or `/Date(ms+hhmm)/` -> milliseconds since the epoch (UTC). */
export function decodeODataDateMs(text: string): number {
  const match = DATE_PATTERN.exec(text);
  if (!match) throw new ODataDateError('not an OData /Date(ms)/ value');
  const ms = Number(match[1]);
  // Date's own range is +-8.64e15 ms; beyond it toISOString throws.
  if (Math.abs(ms) > 8.64e15) throw new ODataDateError('OData date out of range');
  return ms;
}

/** `/Date(ms)/` -> ISO 8601 UTC instant (`2026-11-27T08:00:00.000Z`). */
export function decodeODataDate(text: string): string {
  return new Date(decodeODataDateMs(text)).toISOString();
}

/** True when `text` is a well-formed OData date (for schema refinements). */
export function isODataDate(text: string): boolean {
  try {
    decodeODataDateMs(text);
    return true;
  } catch {
    return false;
  }
}

/** The processor's id formats: anything else in a URL is a malformed request (400), not a miss (404). */
export const CARDHOLDER_ID = /^CH\d{8}$/;
export const CARD_ID = /^CRD\d{9}$/;

/** Most ids one batch request may name. */
export const MAX_BATCH_IDS = 100;

export type IdListResult = { ok: true; ids: string[] } | { ok: false; message: string };

/** Parses `a,b,c`: every id well-formed, 1 to 100 of them, duplicates collapsed (first order kept). */
export function parseIdList(raw: string | null, pattern: RegExp, name: string): IdListResult {
  if (raw === null || raw.trim() === '') return { ok: false, message: `${name} is required` };
  const ids = raw.split(',').map((id) => id.trim());
  if (ids.length > MAX_BATCH_IDS) return { ok: false, message: `${name} accepts at most ${MAX_BATCH_IDS} ids` };
  if (!ids.every((id) => pattern.test(id))) return { ok: false, message: `${name} contains a malformed id` };
  return { ok: true, ids: [...new Set(ids)] };
}

export type LimitResult = { ok: true; limit: number } | { ok: false; message: string };

/** Parses a page size: absent means the default; otherwise an integer in [1, max]. */
export function parseLimit(raw: string | null, defaultLimit: number, max: number): LimitResult {
  if (raw === null) return { ok: true, limit: defaultLimit };
  if (!/^\d{1,6}$/.test(raw)) return { ok: false, message: 'limit must be a positive integer' };
  const limit = Number(raw);
  if (limit < 1 || limit > max) return { ok: false, message: `limit must be between 1 and ${max}` };
  return { ok: true, limit };
}

/**
 * Opaque pagination cursors: `base64url("<kind>:<part>:<part>...")`.
 *
 * Clients must treat a cursor as a token, so it is encoded rather than a bare offset; the
 * kind prefix stops a transactions cursor being replayed against the extract (and vice versa).
 * Parts must not contain `:` (ids and numbers here never do).
 */
export function encodeCursor(kind: string, parts: Array<string | number>): string {
  return Buffer.from([kind, ...parts].join(':'), 'utf8').toString('base64url');
}

/** The cursor's parts, or `null` for anything that is not a well-formed cursor of this kind. */
export function decodeCursor(kind: string, cursor: string, arity: number): string[] | null {
  if (cursor.length === 0 || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (parts.length !== arity + 1 || parts[0] !== kind) return null;
  return parts.slice(1);
}

/** A non-negative integer part (an offset), or `null`. */
export function offsetPart(part: string): number | null {
  return /^\d{1,9}$/.test(part) ? Number(part) : null;
}

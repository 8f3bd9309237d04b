import { createHash } from 'node:crypto';

/** The hash before the first link. */
export const GENESIS_HASH = '0'.repeat(64);

/** One row of `audit_trail` as the verifier reads it. */
export interface AuditLink {
  seq: number;
  at: Date;
  customerIds: readonly string[];
  event: string;
  prevHash: string;
  hash: string;
}

/**
 * `sha256(prev_hash \n seq \n event)` in hex: what the database's chain trigger computes,
 * recomputed here independently of it.
 */
export function linkHash(prevHash: string, seq: number, event: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${event}`, 'utf8').digest('hex');
}

export interface BrokenLink {
  seq: number;
  problem: string;
}

/**
 * Checks one link against the one before it (null for the first). Returns what is wrong, or
 * null when the link is sound: position, back-pointer, its own hash, and the columns derived
 * from the event (a query filters on them, so they must still say what the event says).
 */
export function checkLink(link: AuditLink, previous: { seq: number; hash: string } | null): BrokenLink | null {
  const broken = (problem: string) => ({ seq: link.seq, problem });
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (link.seq !== expectedSeq) return broken(`expected link ${expectedSeq} here, found ${link.seq} (a link is missing)`);
  if (link.prevHash !== (previous ? previous.hash : GENESIS_HASH)) return broken('its prev_hash is not the hash of the link before it');
  if (link.hash !== linkHash(link.prevHash, link.seq, link.event)) return broken('its hash does not match its content (the event was altered)');
  let parsed: { at?: unknown; customerIds?: unknown };
  try {
    parsed = JSON.parse(link.event) as typeof parsed;
  } catch {
    return broken('its event is not JSON');
  }
  if (typeof parsed.at !== 'string' || Date.parse(parsed.at) !== link.at.getTime()) return broken('its at column differs from the event');
  const ids = Array.isArray(parsed.customerIds) ? parsed.customerIds : [];
  if (ids.length !== link.customerIds.length || ids.some((id, i) => id !== link.customerIds[i])) return broken('its customer_ids column differs from the event');
  return null;
}

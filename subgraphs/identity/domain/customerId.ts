/**
 * Global customer ids that depend on the data only: the id is a hash of the cluster's anchor
 * record, so re-running resolution over the same records (in any order) gives the same ids, and
 * a cluster keeps its id as long as its anchor stays in it.
 */
import { hash } from 'node:crypto';
import { registryRank } from '../../../systems/registry';

/** RFC 4648 base32 alphabet, lower case (ids appear in URLs and logs; no padding). */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

const BASE32_CODES = Array.from(BASE32, (c) => c.charCodeAt(0));
const ID_PREFIX = 'cust_';

/** Appends the base32 character codes of `bytes` to `codes`. */
function pushBase32Codes(bytes: Uint8Array, codes: number[]): number[] {
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      codes.push(BASE32_CODES[(buffer >>> (bits - 5)) & 31]);
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) codes.push(BASE32_CODES[(buffer << (5 - bits)) & 31]);
  return codes;
}

/**
 * One string from character codes, made at once: a flat string, where appending a character at a
 * time (or the prefix to the rest) builds a rope that every later comparison has to flatten first
 * (sorting a million ids). In slices, as a call takes a bounded number of arguments.
 */
function stringOfCodes(codes: readonly number[]): string {
  const SLICE = 8192;
  if (codes.length <= SLICE) return String.fromCharCode(...codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += SLICE) parts.push(String.fromCharCode(...codes.slice(i, i + SLICE)));
  return parts.join('');
}

export function base32(bytes: Uint8Array): string {
  return stringOfCodes(pushBase32Codes(bytes, []));
}

/**
 * `cust_` + 16 base32 characters (80 bits of SHA-256): collisions are negligible far beyond a
 * bank's customer base. `generation` > 0 derives a fresh id for an anchor whose plain id is
 * already taken (an anchor that once anchored a cluster that was later merged away).
 */
export function customerIdFor(anchorKey: string, generation = 0): string {
  const input = generation === 0 ? anchorKey : `${anchorKey}#${generation}`;
  // One-shot `hash` (Node 20.12+): a hash object per id cost twice as much at a million clusters.
  const codes = Array.from(ID_PREFIX, (c) => c.charCodeAt(0));
  return stringOfCodes(pushBase32Codes(hash('sha256', input, 'buffer').subarray(0, 10), codes));
}

/** Orders source keys (`SYSTEM:localId`) by anchor preference: core banking first, then by key. */
export function compareAnchorKeys(a: string, b: string): number {
  // Registry order: core banking first, the KYC'd master, so its records are the natural anchors.
  const ra = registryRank(a.slice(0, a.indexOf(':')));
  const rb = registryRank(b.slice(0, b.indexOf(':')));
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The anchor of a cluster: its smallest core-banking key, or its smallest key when it has none. */
export function anchorOf(memberKeys: readonly string[]): string {
  if (memberKeys.length === 0) throw new RangeError('a cluster has at least one member');
  let best = memberKeys[0];
  for (const key of memberKeys) if (compareAnchorKeys(key, best) < 0) best = key;
  return best;
}

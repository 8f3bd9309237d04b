/**
 * Postal address normalisation for comparison (never for display): abbreviations expanded so
 * `12 High St` equals `12 High Street`, the house number and flat/unit pulled out so they can be
 * compared on their own, postcode without spaces.
 */
import type { PostalAddress } from '../../../adapters/canonical';
import { normaliseNameText } from './nameNormalisation';

/** Street-type and direction abbreviations (UK usage first) to their full word. */
const ABBREVIATIONS: Record<string, string> = {
  ST: 'STREET', STR: 'STREET', RD: 'ROAD', AVE: 'AVENUE', AV: 'AVENUE', LN: 'LANE', DR: 'DRIVE',
  CT: 'COURT', CRT: 'COURT', PL: 'PLACE', SQ: 'SQUARE', CRES: 'CRESCENT', CR: 'CRESCENT',
  GDNS: 'GARDENS', TCE: 'TERRACE', TER: 'TERRACE', PK: 'PARK', CL: 'CLOSE', GRN: 'GREEN',
  GR: 'GROVE', GRV: 'GROVE', HWY: 'HIGHWAY', BLVD: 'BOULEVARD', PDE: 'PARADE', WY: 'WAY',
  MT: 'MOUNT', HSE: 'HOUSE', BLDG: 'BUILDING', N: 'NORTH', S: 'SOUTH', E: 'EAST', W: 'WEST',
  UPR: 'UPPER', LWR: 'LOWER', GT: 'GREAT',
};

/** Words that introduce a flat or unit; all become FLAT. */
const UNIT_WORDS = new Set(['FLAT', 'APT', 'APARTMENT', 'UNIT', 'SUITE', 'STE', 'NO']);

export interface NormalisedAddress {
  /** The street line(s) with abbreviations expanded and the house number and flat removed. */
  street: string;
  /** First house number found (`12`, `12A`), or ''. */
  houseNumber: string;
  /** Flat or unit number, or ''. */
  unit: string;
  /** Postcode upper case without spaces, or ''. */
  postcode: string;
  city: string;
  country: string;
}

/** Normalises the street lines of an address: `Flat 3, 12a High St.` -> unit 3, number 12A, HIGH STREET. */
export function normaliseStreetLines(line1: string | null, line2: string | null): Pick<NormalisedAddress, 'street' | 'houseNumber' | 'unit'> {
  const text = line1 && line2 ? `${line1} ${line2}` : (line1 ?? line2 ?? '');
  const tokens = normaliseNameText(text).split(' ').filter(Boolean);
  // `12 A` typed with a space is the house number 12A.
  const merged: string[] = [];
  for (const token of tokens) {
    const prev = merged[merged.length - 1];
    if (prev && /^\d+$/.test(prev) && /^[A-H]$/.test(token)) merged[merged.length - 1] = prev + token;
    else merged.push(token);
  }
  let unit = '';
  let houseNumber = '';
  const words: string[] = [];
  for (let i = 0; i < merged.length; i++) {
    const token = merged[i];
    if (UNIT_WORDS.has(token) && i + 1 < merged.length && /^\d+[A-Z]?$/.test(merged[i + 1]) && !unit) {
      unit = merged[++i];
      continue;
    }
    if (/^\d+[A-Z]?$/.test(token)) {
      if (!houseNumber) houseNumber = token;
      else if (!unit) {
        // `3 12 High St` (flat then house) is rare; keep the first as the number, the second as unit.
        unit = token;
      }
      continue;
    }
    words.push(token);
  }
  // `ST` is SAINT before a name (`St John's Road`) and STREET at the end (`High St`).
  for (let i = 0; i < words.length; i++) {
    const last = i === words.length - 1;
    if (words[i] === 'ST' && !last) words[i] = 'SAINT';
    else words[i] = ABBREVIATIONS[words[i]] ?? words[i];
  }
  return { street: words.join(' '), houseNumber, unit };
}

export function normalisePostcode(raw: string | null | undefined): string {
  return raw ? raw.toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
}

export function normaliseAddress(address: PostalAddress | null | undefined): NormalisedAddress | null {
  if (!address) return null;
  const lines = normaliseStreetLines(address.line1, address.line2);
  const normalised: NormalisedAddress = {
    ...lines,
    postcode: normalisePostcode(address.postalCode),
    city: normaliseNameText(address.city),
    country: (address.country ?? '').trim().toUpperCase(),
  };
  if (!normalised.street && !normalised.houseNumber && !normalised.postcode && !normalised.city) return null;
  return normalised;
}

/**
 * One string that is the same for two ways of writing the same address, for comparing whole
 * addresses (the discrepancy report, survivorship): the house number wherever it stands
 * (`97 Castle Street` and ERP's `Castle Street 97`), abbreviations expanded, postcode and
 * country compacted. The flat is left out: ERP has no field for it, so "Flat 3" held by one
 * system and not by another is not a disagreement. Null when the address holds nothing comparable.
 */
export function addressComparisonKey(address: PostalAddress | null | undefined): string | null {
  const a = normaliseAddress(address);
  if (!a) return null;
  return [a.houseNumber, a.street, a.city, a.postcode, a.country].join('|');
}

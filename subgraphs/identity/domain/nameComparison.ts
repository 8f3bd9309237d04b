/**
 * Compares two persons' names field by field, tolerating nicknames, keying errors, initials and
 * truncation, and given and family names entered the wrong way round.
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import type { MatchConfig } from './matchConfig';
import { canonicalGivenNames } from './nicknames';

/**
 * same: equal, or nickname of the same name. fuzzy: a likely keying error or truncation.
 * near: similar enough to be a keying error, but also to be another name (MARK / MARY): only
 * other evidence (a shared email) can decide. initial: one side holds an initial that fits.
 */
export type NameAgreement = 'same' | 'fuzzy' | 'near' | 'initial' | 'different' | 'unknown';

/** The parts of a normalised party the name comparison reads. */
export interface NameParts {
  given: string;
  givenFirst: string;
  givenCanonical: readonly string[];
  family: string;
}

export interface NameComparison {
  given: NameAgreement;
  family: NameAgreement;
  /** True when the names agree better with given and family swapped on one side. */
  swapped: boolean;
  /** The summed weight of the two agreements (see MatchConfig.weights). */
  weight: number;
}

/** Nickname groups meet; a name outside the table stands for itself (`ELIZABETH` has group `ELIZABETH`). */
function sameCanonicalName(a: NameParts, b: NameParts): boolean {
  const ca = a.givenCanonical.length > 0 ? a.givenCanonical : [a.givenFirst];
  const cb = b.givenCanonical.length > 0 ? b.givenCanonical : [b.givenFirst];
  for (const x of ca) if (cb.includes(x)) return true;
  return false;
}

/** A cut-off name (`FEATHERSTONEH`) against the full one, when the shared prefix is long enough. */
function isTruncation(a: string, b: string, minPrefix: number): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= minPrefix && long.startsWith(short);
}

export function compareGivenNames(a: NameParts, b: NameParts, config: MatchConfig): NameAgreement {
  if (!a.givenFirst || !b.givenFirst) return 'unknown';
  if (a.givenFirst === b.givenFirst || sameCanonicalName(a, b)) return 'same';
  if (a.given.replace(/ /g, '') === b.given.replace(/ /g, '')) return 'same';
  if (a.givenFirst.length === 1 || b.givenFirst.length === 1) {
    return a.givenFirst[0] === b.givenFirst[0] ? 'initial' : 'different';
  }
  if (isTruncation(a.givenFirst, b.givenFirst, config.similarity.minPrefix)) return 'fuzzy';
  const similarity = jaroWinkler(a.givenFirst, b.givenFirst);
  if (similarity >= config.similarity.givenFuzzy) return 'fuzzy';
  if (similarity >= config.similarity.givenNear) return 'near';
  return 'different';
}

export function compareFamilyNames(a: NameParts, b: NameParts, config: MatchConfig): NameAgreement {
  if (!a.family || !b.family) return 'unknown';
  if (a.family === b.family) return 'same';
  if (isTruncation(a.family, b.family, config.similarity.minPrefix)) return 'fuzzy';
  const similarity = jaroWinkler(a.family, b.family);
  if (similarity >= config.similarity.familyFuzzy) return 'fuzzy';
  if (similarity >= config.similarity.familyNear) return 'near';
  return 'different';
}

function givenWeight(agreement: NameAgreement, config: MatchConfig): number {
  const w = config.weights;
  switch (agreement) {
    case 'same':
      return w.givenSame;
    case 'fuzzy':
      return w.givenFuzzy;
    case 'initial':
      return w.givenInitial;
    case 'different':
      return w.givenDifferent;
    default:
      return 0;
  }
}

function familyWeight(agreement: NameAgreement, config: MatchConfig): number {
  const w = config.weights;
  switch (agreement) {
    case 'same':
      return w.familySame;
    case 'fuzzy':
    case 'initial':
      return w.familyFuzzy;
    case 'different':
      return w.familyDifferent;
    default:
      return 0;
  }
}

/** `b` read with its given and family names exchanged. */
function swappedParts(b: NameParts): NameParts {
  const givenFirst = b.family;
  return { given: b.family, givenFirst, givenCanonical: givenFirst ? canonicalGivenNames(givenFirst) : [], family: b.given.replace(/ /g, '') };
}

function orientation(a: NameParts, b: NameParts, swapped: boolean, config: MatchConfig): NameComparison {
  const given = compareGivenNames(a, b, config);
  const family = compareFamilyNames(a, b, config);
  return { given, family, swapped, weight: givenWeight(given, config) + familyWeight(family, config) };
}

/**
 * The better of the direct and the swapped reading. Either side may be the swapped one; both
 * are tried so the result does not depend on argument order (with one given name missing, the
 * reading that keeps a known given name is the informative one).
 */
export function compareNames(a: NameParts, b: NameParts, config: MatchConfig): NameComparison {
  const direct = orientation(a, b, false, config);
  if (direct.given === 'same' && direct.family === 'same') return direct;
  const candidates = [orientation(a, swappedParts(b), true, config), orientation(swappedParts(a), b, true, config)];
  let best = direct;
  for (const c of candidates) {
    // Only a clear improvement counts as a swap: a tie keeps the direct reading.
    if (c.weight > best.weight || (best.swapped && c.weight === best.weight && best.given === 'unknown' && c.given !== 'unknown')) best = c;
  }
  return best;
}

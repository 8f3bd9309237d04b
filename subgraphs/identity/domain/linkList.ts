/**
 * Scored links between records, stored column-wise: a million-record run produces millions of
 * links, and four number columns cost a fraction of the memory of one object per link.
 */
import type { LinkStrength } from './partyComparison';

/** Link kinds in order of precedence: a national-id link outranks any scored link. */
export const LINK_WEAK = 0;
export const LINK_STRONG = 1;
export const LINK_NATIONAL_ID = 2;

export class LinkList {
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly score: number[] = [];
  readonly kind: number[] = [];

  get length(): number {
    return this.a.length;
  }

  push(a: number, b: number, score: number, kind: number): void {
    this.a.push(a);
    this.b.push(b);
    this.score.push(score);
    this.kind.push(kind);
  }
}

/** The link kind for a classified pair, or null when the pair is not a link. */
export function linkKindOf(strength: LinkStrength, byNationalId: boolean): number | null {
  if (strength === 'strong') return byNationalId ? LINK_NATIONAL_ID : LINK_STRONG;
  if (strength === 'weak') return LINK_WEAK;
  return null;
}

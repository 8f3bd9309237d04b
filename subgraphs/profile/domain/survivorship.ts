import type { SourceSystem } from '../../../adapters/canonical';
import { registryRank } from '../../../systems/registry';
import type { CandidateProblem } from './fieldValidation';
import type { FieldPolicy, SurvivorshipRule } from './survivorshipPolicy';

/** One record's value for a field, before and after normalisation. */
export interface Candidate<V = string> {
  system: SourceSystem;
  localId: string;
  value: V;
  /** What is compared: two candidates agree when their normalised values are equal. */
  normalizedValue: string;
  /** How many parts of the value are filled (for MOST_COMPLETE). */
  completeness: number;
  changedAt: string | null;
  /** Set when the value fails its field's validation (fieldValidation.ts): it can never win. */
  problem?: CandidateProblem | null;
  /** A name whose given name is a nickname of another candidate's (legalName.ts): it steps aside for the legal form. */
  nickname?: boolean;
}

export interface SurvivorshipResult<V> {
  winner: Candidate<V> | null;
  /**
   * The rule that decided; `SOURCE_PRIORITY` also when it only broke a tie; `UNANIMOUS` when
   * every valid record agrees and no rule was needed; `TIE_BREAK` when one record holds several
   * values that no rule can tell apart (two emails on one record) and the stable order chose;
   * null when no record holds a valid value.
   */
  rule: SurvivorshipRule | 'UNANIMOUS' | 'TIE_BREAK' | null;
  /** The records' normalised values disagree (invalid values included: the systems do disagree). */
  conflict: boolean;
  /** Every candidate in a stable order (system, then local id). */
  candidates: Candidate<V>[];
}

const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * A total order over candidates (system, local id, value, then the record's facts), so that
 * the winner never depends on the order the records arrived in, even when one record gives
 * several candidates.
 */
function stableOrder<V>(a: Candidate<V>, b: Candidate<V>): number {
  return (
    registryRank(a.system) - registryRank(b.system) ||
    compareText(a.localId, b.localId) ||
    compareText(a.normalizedValue, b.normalizedValue) ||
    compareText(String(a.value), String(b.value)) ||
    b.completeness - a.completeness ||
    compareText(b.changedAt ?? '', a.changedAt ?? '')
  );
}

function keepMax<V>(candidates: Candidate<V>[], score: (c: Candidate<V>) => number): Candidate<V>[] {
  const best = Math.max(...candidates.map(score));
  return candidates.filter((c) => score(c) === best);
}

/** Narrows the candidates by one rule. Pure; never returns an empty list for a non-empty input. */
export function applyRule<V>(rule: SurvivorshipRule, candidates: Candidate<V>[], policy: FieldPolicy): Candidate<V>[] {
  switch (rule) {
    case 'LEGAL_NAME_OVER_NICKNAME': {
      const legal = candidates.filter((c) => !c.nickname);
      return legal.length > 0 ? legal : candidates;
    }
    case 'SOURCE_PRIORITY': {
      const rank = (c: Candidate<V>) => {
        const index = policy.sourcePriority.indexOf(c.system);
        return index === -1 ? -policy.sourcePriority.length : -index;
      };
      return keepMax(candidates, rank);
    }
    case 'MOST_RECENT':
      return keepMax(candidates, (c) => (c.changedAt ? Date.parse(c.changedAt) : Number.NEGATIVE_INFINITY));
    case 'MOST_FREQUENT': {
      const counts = new Map<string, number>();
      for (const c of candidates) counts.set(c.normalizedValue, (counts.get(c.normalizedValue) ?? 0) + 1);
      return keepMax(candidates, (c) => counts.get(c.normalizedValue) ?? 0);
    }
    case 'MOST_COMPLETE':
      return keepMax(candidates, (c) => c.completeness);
  }
}

const distinctValues = <V>(candidates: Candidate<V>[]) => new Set(candidates.map((c) => c.normalizedValue)).size;

/**
 * Chooses the golden value among the candidates by the field's policy. Deterministic and
 * independent of input order: candidates are put in a stable order first, and ties that the
 * rules leave are broken by source priority, then by that order. A candidate with a `problem`
 * (it fails its field's validation) never wins: with no valid candidate there is no golden value.
 */
export function survive<V>(input: readonly Candidate<V>[], policy: FieldPolicy): SurvivorshipResult<V> {
  const candidates = [...input].sort(stableOrder);
  const conflict = distinctValues(candidates) > 1;
  const valid = candidates.filter((c) => !c.problem);
  if (valid.length === 0) return { winner: null, rule: null, conflict, candidates };
  // Every rule runs even once one value is left: the rules also choose which of several
  // agreeing records is cited as the source (the KYC record for a name, not the latest copy).
  let remaining = valid;
  let decidedBy: SurvivorshipRule | null = null;
  for (const rule of [...policy.rules, 'SOURCE_PRIORITY' as const, 'MOST_RECENT' as const]) {
    const before = distinctValues(remaining);
    remaining = applyRule(rule, remaining, policy);
    if (decidedBy === null && before > 1 && distinctValues(remaining) === 1) decidedBy = rule;
  }
  return { winner: remaining[0], rule: distinctValues(valid) > 1 ? (decidedBy ?? 'TIE_BREAK') : 'UNANIMOUS', conflict, candidates };
}

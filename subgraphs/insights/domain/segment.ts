/**
 * The customer's segment: a value tier and an age band, each with the thresholds that decided it.
 * Tier: the higher of the tier reached by relationship balance and the tier reached by yearly
 * income (income is optional). Age band: whole years on the day given.
 */
import type { Money } from '../../../adapters/canonical';
import { depositsTotal } from './balances';
import { ageOn, dateOf } from './calendar';
import type { AgeBand, CustomerFacts, InsightThresholds, Segment, Tier } from './insightTypes';
import { leftOutReason, showMoney, thresholdMinor } from './moneyTotals';

const TIERS_HIGH_TO_LOW = ['GOLD', 'SILVER'] as const;
const RANK: Record<Tier, number> = { GOLD: 3, SILVER: 2, BRONZE: 1 };

interface Decision<T> {
  value: T;
  reason: string;
}

/** The tier a relationship balance reaches, with the threshold that applied. */
export function tierByBalance(balance: Money, thresholds: InsightThresholds): Decision<Tier> {
  const currency = thresholds.reportingCurrency;
  for (const tier of TIERS_HIGH_TO_LOW) {
    const min = { amountMinor: thresholdMinor(thresholds.tiers[tier].minRelationshipBalance, currency), currency };
    if (balance.amountMinor >= min.amountMinor) return { value: tier, reason: `relationship balance ${showMoney(balance)} >= ${showMoney(min)}: ${tier}` };
  }
  const silver = { amountMinor: thresholdMinor(thresholds.tiers.SILVER.minRelationshipBalance, currency), currency };
  return { value: 'BRONZE', reason: `relationship balance ${showMoney(balance)} < ${showMoney(silver)}: BRONZE` };
}

/**
 * The tier a yearly income reaches. The reason names the threshold, not the income: income is
 * sensitive and the reasons travel further than the income field would.
 */
export function tierByIncome(income: Money | null, thresholds: InsightThresholds): Decision<Tier | null> {
  const currency = thresholds.reportingCurrency;
  if (!income) return { value: null, reason: 'yearly income unknown: tier from relationship balance only' };
  if (income.currency !== currency) return { value: null, reason: `yearly income not in ${currency}: not used (no exchange rates)` };
  for (const tier of TIERS_HIGH_TO_LOW) {
    const min = { amountMinor: thresholdMinor(thresholds.tiers[tier].minYearlyIncome, currency), currency };
    if (income.amountMinor >= min.amountMinor) return { value: tier, reason: `yearly income at or above ${showMoney(min)}: ${tier}` };
  }
  const silver = { amountMinor: thresholdMinor(thresholds.tiers.SILVER.minYearlyIncome, currency), currency };
  return { value: 'BRONZE', reason: `yearly income below ${showMoney(silver)}: BRONZE` };
}

/** The higher of two tiers (null is "not known"). */
function higher(a: Tier | null, b: Tier | null): Tier | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** The age band on `asOf`'s date, with the band's ages. */
export function ageBandFor(birthDate: string | null, asOf: string, thresholds: InsightThresholds): Decision<AgeBand> {
  const age = ageOn(birthDate, asOf);
  if (age === null) return { value: 'UNKNOWN', reason: 'no usable birth date: age band UNKNOWN' };
  for (const band of thresholds.ageBands) {
    if (age >= band.fromAge && (band.toAge === null || age <= band.toAge)) {
      const range = band.toAge === null ? `${band.fromAge} or more` : `${band.fromAge}-${band.toAge}`;
      return { value: band.band, reason: `age ${age} on ${dateOf(asOf)} is in ${range}: ${band.band}` };
    }
  }
  return { value: 'UNKNOWN', reason: `age ${age} on ${dateOf(asOf)} is in no band: UNKNOWN` };
}

export function computeSegment(facts: CustomerFacts, asOf: string, thresholds: InsightThresholds): Segment {
  const reasons: string[] = [];
  const byIncome = tierByIncome(facts.yearlyIncome, thresholds);
  let tier: Tier | null;
  if (facts.accounts) {
    const deposits = depositsTotal(facts.accounts, thresholds.reportingCurrency);
    const byBalance = tierByBalance(deposits.total, thresholds);
    tier = higher(byBalance.value, byIncome.value);
    reasons.push(byBalance.reason, ...leftOutReason('relationship balance', deposits.leftOut, thresholds.reportingCurrency));
  } else {
    // Without the balance only the top tier is certain: income cannot be outranked.
    tier = byIncome.value === 'GOLD' ? 'GOLD' : null;
    reasons.push(tier ? 'relationship balance unknown (core banking not heard)' : 'relationship balance unknown (core banking not heard): tier not computed');
  }
  reasons.push(byIncome.reason);
  const band = ageBandFor(facts.birthDate, asOf, thresholds);
  reasons.push(band.reason);
  return { tier, ageBand: band.value, reasons };
}

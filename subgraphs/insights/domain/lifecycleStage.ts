/**
 * The lifecycle stage: the first of PROSPECT, CHURN_RISK, ONBOARDING, DORMANT, ACTIVE that
 * applies. Every stage depends on the accounts, so without core banking there is no stage.
 */
import { daysBefore } from './calendar';
import { fallingBalances, lastActivity, recentOpenComplaint, unheardSystems } from './customerSignals';
import type { CustomerFacts, InsightThresholds, LifecycleStage } from './insightTypes';

export function computeLifecycleStage(facts: CustomerFacts, asOf: string, thresholds: InsightThresholds): LifecycleStage | null {
  const accounts = facts.accounts;
  if (!accounts) return null;
  const unheard = unheardSystems(facts);
  const caveat = unheard.length ? [`not heard: ${unheard.join(', ')} (decided on the rest)`] : [];
  const stage = (name: LifecycleStage['stage'], ...reasons: string[]): LifecycleStage => ({ stage: name, reasons: [...reasons, ...caveat] });

  const openAccounts = accounts.filter((a) => a.status === 'OPEN').length;
  const activeCards = (facts.cards ?? []).filter((c) => c.status === 'ACTIVE').length;
  if (openAccounts === 0 && activeCards === 0) return stage('PROSPECT', 'no open account and no active card');

  const complaint = recentOpenComplaint(facts, asOf, thresholds);
  const falling = fallingBalances(facts, asOf, thresholds);
  if (complaint.fired && falling.fired) return stage('CHURN_RISK', complaint.reason, falling.reason);

  const { onboardingDays, dormantAfterDays } = thresholds.lifecycle;
  const openedOn = accounts.map((a) => a.openedOn).filter((d): d is string => !!d).sort();
  if (openedOn.length > 0) {
    const age = daysBefore(openedOn[0], asOf);
    if (age >= 0 && age < onboardingDays) return stage('ONBOARDING', `first account opened ${age} day(s) ago (< ${onboardingDays} days)`);
  }

  const last = lastActivity(facts);
  if (last === null) return stage('DORMANT', 'no transaction, order or contact on record');
  const idle = daysBefore(last, asOf);
  if (idle >= dormantAfterDays) return stage('DORMANT', `last transaction, order or contact ${idle} day(s) ago (>= ${dormantAfterDays} days)`);
  return stage('ACTIVE', `last transaction, order or contact ${Math.max(idle, 0)} day(s) ago (< ${dormantAfterDays} days)`);
}

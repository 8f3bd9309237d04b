import { INSIGHT_THRESHOLDS as T } from './insightThresholds';
import { thresholdMinor } from './moneyTotals';

// The thresholds file is edited by hand: these checks catch a slip before a rule runs on it.
describe('the thresholds file', () => {
  const amount = (text: string) => thresholdMinor(text, T.reportingCurrency);

  it('writes every amount as a valid non-negative decimal in the reporting currency', () => {
    const amounts = [
      T.tiers.GOLD.minRelationshipBalance,
      T.tiers.GOLD.minYearlyIncome,
      T.tiers.SILVER.minRelationshipBalance,
      T.tiers.SILVER.minYearlyIncome,
      T.churn.minNetOutflow,
      T.nextBestActions.OFFER_CREDIT_CARD.minDeposits,
      T.nextBestActions.OFFER_SAVINGS_ACCOUNT.minCurrentBalance,
    ];
    for (const text of amounts) expect(amount(text)).toBeGreaterThanOrEqual(0);
  });

  it('puts GOLD above SILVER', () => {
    expect(amount(T.tiers.GOLD.minRelationshipBalance)).toBeGreaterThan(amount(T.tiers.SILVER.minRelationshipBalance));
    expect(amount(T.tiers.GOLD.minYearlyIncome)).toBeGreaterThan(amount(T.tiers.SILVER.minYearlyIncome));
  });

  it('has age bands that follow each other without gap or overlap, the last open-ended', () => {
    const bands = T.ageBands;
    for (let i = 1; i < bands.length; i++) expect(bands[i].fromAge).toBe((bands[i - 1].toAge ?? NaN) + 1);
    expect(bands[bands.length - 1].toAge).toBeNull();
    expect(bands.map((b) => b.band)).toEqual(['AGE_12_17', 'AGE_18_27', 'AGE_28_60', 'OVER_60']);
  });

  it('uses whole positive day counts, percentages and priorities', () => {
    const whole = [T.cardSpendDays, T.lifecycle.onboardingDays, T.lifecycle.dormantAfterDays, T.churn.recentComplaintDays, T.churn.balanceTrendDays, T.nextBestActions.SEND_SATISFACTION_SURVEY.maxOrderAgeDays];
    for (const n of whole) expect(Number.isInteger(n) && n > 0).toBe(true);
    expect(T.nextBestActions.REVIEW_CREDIT_LIMIT.minUtilisationPercent).toBeGreaterThan(0);
    for (const action of Object.values(T.nextBestActions)) expect(Number.isInteger(action.priority) && action.priority >= 1).toBe(true);
  });
});

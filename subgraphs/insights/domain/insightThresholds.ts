/**
 * THE thresholds of every insight rule, in one place.
 *
 * This file is meant to be read (and changed) by the people who own the rules, not only by
 * engineers. Amounts are written as decimal text in the reporting currency ("25000.00" means
 * £25,000.00); periods are whole days counted back from the day the insight is computed.
 * Every answer the graph gives repeats the thresholds it used, so a change here is visible
 * in the explorer straight away. The unit tests beside the rules check the edges of each one.
 */
import type { InsightThresholds } from './insightTypes';

export const INSIGHT_THRESHOLDS: InsightThresholds = {
  /**
   * Amounts are added up in this currency only. We hold no exchange rates, so an amount in any
   * other currency is left out of totals (and the answer says so) rather than converted wrongly.
   */
  reportingCurrency: 'GBP',

  /**
   * Value tiers. A customer reaches a tier by relationship balance (the sum of positive balances
   * on open current, savings and term-deposit accounts) OR by yearly income, whichever is
   * higher. "At or above" counts: exactly £100,000.00 of balance is GOLD.
   * Yearly income is optional: when it is unknown the tier comes from the balance alone.
   */
  tiers: {
    GOLD: { minRelationshipBalance: '100000.00', minYearlyIncome: '100000.00' },
    SILVER: { minRelationshipBalance: '25000.00', minYearlyIncome: '50000.00' },
    // Everyone else is BRONZE.
  },

  /**
   * Age bands, in whole years on the day of computation (a birthday counts from the day itself;
   * someone born on 29 February turns a year older on 1 March in non-leap years).
   * The band names are part of the API: if the ages change, the names should change too.
   * Younger than the first band, or no birth date: UNKNOWN.
   */
  ageBands: [
    { band: 'AGE_12_17', fromAge: 12, toAge: 17 },
    { band: 'AGE_18_27', fromAge: 18, toAge: 27 },
    { band: 'AGE_28_60', fromAge: 28, toAge: 60 },
    { band: 'OVER_60', fromAge: 61, toAge: null },
  ],

  /** Card spend counts purchases posted in this many days up to today (the field is named `cardSpend90Days`). */
  cardSpendDays: 90,

  /** Lifecycle stages, checked in the order PROSPECT, CHURN_RISK, ONBOARDING, DORMANT, ACTIVE. */
  lifecycle: {
    /** ONBOARDING: the customer's first account (open or since closed) was opened fewer than this many days ago. */
    onboardingDays: 90,
    /**
     * DORMANT: no account or card transaction, no sales order and no call-center contact in
     * this many days.
     */
    dormantAfterDays: 180,
  },

  /**
   * Churn risk (lifecycle stage CHURN_RISK and the retention callback): a recent open complaint
   * AND falling balances.
   */
  churn: {
    /** A complaint is recent when it is still open and was opened at most this many days ago. */
    recentComplaintDays: 90,
    /** Balances are falling when, over this many days, ... */
    balanceTrendDays: 30,
    /** ... the deposit accounts' transactions add up to an outflow of at least this much. */
    minNetOutflow: '500.00',
  },

  /** Next best actions: when each one fires, how urgent it is (1 = most urgent) and where to act. */
  nextBestActions: {
    /** Recent complaint and falling balances: the relationship manager calls the customer. */
    SCHEDULE_CALLBACK: { priority: 1, channel: 'ADVISOR_CALLBACK' },
    /**
     * Any complaint still open, however long ago it was opened: the call center follows it up.
     * An old open complaint is more urgent, not less (it is overdue), so there is no age limit.
     */
    FOLLOW_UP_COMPLAINT: { priority: 1, channel: 'CALL_CENTER' },
    /** Deposits at or above this and no active card: offer a credit card. */
    OFFER_CREDIT_CARD: { priority: 2, channel: 'MOBILE_APP', minDeposits: '10000.00' },
    /** An active card used to at least this percentage of its limit: review the limit. */
    REVIEW_CREDIT_LIMIT: { priority: 2, channel: 'CALL_CENTER', minUtilisationPercent: 90 },
    /** Current accounts holding at least this much and no savings or term deposit: offer savings. */
    OFFER_SAVINGS_ACCOUNT: { priority: 3, channel: 'MOBILE_APP', minCurrentBalance: '5000.00' },
    /** An order fully delivered that was placed at most this many days ago: ask how it went. */
    SEND_SATISFACTION_SURVEY: { priority: 3, channel: 'EMAIL', maxOrderAgeDays: 30 },
    /** A DORMANT customer (see lifecycle): send a reactivation offer. */
    SEND_REACTIVATION_OFFER: { priority: 3, channel: 'EMAIL' },
    /**
     * An open mortgage loan with payments missed: the call center contacts the borrower. Urgent
     * (1): arrears caught early are cheaper for both sides than arrears at default (6 months).
     */
    DISCUSS_MORTGAGE_ARREARS: { priority: 1, channel: 'CALL_CENTER' },
  },
};

/**
 * The plain inputs and outputs of the insight rules. Inputs are the parts of the canonical model
 * the rules read (what the insights subgraph receives through @requires); a list is `null` when
 * the system holding it could not be read, which is not the same as an empty list.
 */
import type { Account, Card, CardTransaction, Case, Interaction, Money, SalesOrder, Transaction } from '../../../adapters/canonical';

/*
 * Lists that may be cut short. The insights require argument-free windows (the latest 20 account
 * transactions, 50 card transactions, 50 orders: subgraphs/runtime/recentWindows.ts), so a page
 * the client selects no longer cuts them (apollographql/federation#2276); a window a system
 * serves with fewer items than it holds still can be. `transactionsComplete: false` /
 * `ordersComplete: false` mark such a list; the rules then use it only for what its newest items
 * still prove. Absent: complete.
 */
export type AccountFacts = Pick<Account, 'type' | 'status' | 'balance'> &
  Partial<Pick<Account, 'openedOn'>> & {
    /** Newest first; null when they could not be read. */
    transactions?: Array<Pick<Transaction, 'bookedAt' | 'amount'>> | null;
    transactionsComplete?: boolean;
  };

export type CardFacts = Pick<Card, 'status'> &
  Partial<Pick<Card, 'balance' | 'creditLimit'>> & {
    /** Newest first; null when they could not be read. */
    transactions?: Array<Pick<CardTransaction, 'postedAt' | 'amount'>> | null;
    transactionsComplete?: boolean;
  };

export type OrderFacts = Pick<SalesOrder, 'createdAt' | 'netValue' | 'deliveryStatus' | 'billingStatus'> & Partial<Pick<SalesOrder, 'orderId'>>;
export type CaseFacts = Pick<Case, 'openedAt'>;
export type InteractionFacts = Pick<Interaction, 'occurredAt'>;

/** Everything the rules may read about one customer. */
export interface CustomerFacts {
  /** Core-banking accounts; null when core banking could not be read. */
  accounts: AccountFacts[] | null;
  /** Cards; null when the card processor could not be read. */
  cards: CardFacts[] | null;
  /** Sales orders, newest first; null when the ERP could not be read. */
  orders: OrderFacts[] | null;
  /** False when the orders received are only the first page of more (see above); absent means complete. */
  ordersComplete?: boolean;
  /** Complaint cases still open; null when the call center could not be read. */
  openCases: CaseFacts[] | null;
  /** Call-center interactions, newest first (the newest is all the rules need); null when the call center could not be read. */
  interactions: InteractionFacts[] | null;
  /** Golden birth date `YYYY-MM-DD`, if known. */
  birthDate: string | null;
  /** Declared yearly income, if known (optional: the tier rule works without it). */
  yearlyIncome: Money | null;
  /** Mortgage loans (mortgage servicing); null or absent when it could not be read. */
  mortgages?: MortgageFacts[] | null;
}

/** What the rules read of a mortgage loan (adapters/mortgages/mortgageLoan.ts, in the graph's terms). */
export interface MortgageFacts {
  loanId?: string;
  status: 'OPEN' | 'CLOSED';
  balance?: Money;
  arrearsStatus?: 'UP_TO_DATE' | 'ARREARS_1_2' | 'ARREARS_3_5' | 'ARREARS_6_PLUS';
}

export type Tier = 'GOLD' | 'SILVER' | 'BRONZE';
export type AgeBand = 'AGE_12_17' | 'AGE_18_27' | 'AGE_28_60' | 'OVER_60' | 'UNKNOWN';
export type LifecycleStageName = 'PROSPECT' | 'CHURN_RISK' | 'ONBOARDING' | 'DORMANT' | 'ACTIVE';
export type ActionChannel = 'ADVISOR_CALLBACK' | 'CALL_CENTER' | 'EMAIL' | 'MOBILE_APP' | 'BRANCH';
export type NextBestActionCode =
  | 'SCHEDULE_CALLBACK'
  | 'FOLLOW_UP_COMPLAINT'
  | 'OFFER_CREDIT_CARD'
  | 'REVIEW_CREDIT_LIMIT'
  | 'OFFER_SAVINGS_ACCOUNT'
  | 'SEND_SATISFACTION_SURVEY'
  | 'SEND_REACTIVATION_OFFER'
  | 'DISCUSS_MORTGAGE_ARREARS';

export interface Segment {
  tier: Tier | null;
  ageBand: AgeBand;
  reasons: string[];
}

export interface RelationshipValue {
  totalDeposits: Money | null;
  totalLending: Money | null;
  cardSpend90Days: Money | null;
  openOrdersValue: Money | null;
  mortgageBalances: Money | null;
  reasons: string[];
}

export interface LifecycleStage {
  stage: LifecycleStageName;
  reasons: string[];
}

export interface NextBestAction {
  code: NextBestActionCode;
  title: string;
  reason: string;
  channel: ActionChannel;
  priority: number;
}

/** The shape of insightThresholds.ts (amounts as decimal text in the reporting currency). */
export interface InsightThresholds {
  reportingCurrency: string;
  tiers: Record<'GOLD' | 'SILVER', { minRelationshipBalance: string; minYearlyIncome: string }>;
  ageBands: Array<{ band: Exclude<AgeBand, 'UNKNOWN'>; fromAge: number; toAge: number | null }>;
  cardSpendDays: number;
  lifecycle: { onboardingDays: number; dormantAfterDays: number };
  churn: { recentComplaintDays: number; balanceTrendDays: number; minNetOutflow: string };
  nextBestActions: {
    SCHEDULE_CALLBACK: ActionSettings;
    FOLLOW_UP_COMPLAINT: ActionSettings;
    OFFER_CREDIT_CARD: ActionSettings & { minDeposits: string };
    REVIEW_CREDIT_LIMIT: ActionSettings & { minUtilisationPercent: number };
    OFFER_SAVINGS_ACCOUNT: ActionSettings & { minCurrentBalance: string };
    SEND_SATISFACTION_SURVEY: ActionSettings & { maxOrderAgeDays: number };
    SEND_REACTIVATION_OFFER: ActionSettings;
    DISCUSS_MORTGAGE_ARREARS: ActionSettings;
  };
}

export interface ActionSettings {
  priority: number;
  channel: ActionChannel;
}

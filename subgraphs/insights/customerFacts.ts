/**
 * Turns what the gateway hands the insights subgraph through @requires (the Customer
 * representation, in the graph's shape: decimal-string money, connections) into the rules' plain
 * inputs (integer minor units, lists). Validated with zod: a malformed representation is a typed
 * BAD_USER_INPUT error naming the path, never a crash and never the offending value.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod/v4';
import type { Money } from '../../adapters/canonical';
import { fromDecimalString } from '../../adapters/money';
import { RECENT_WINDOWS } from '../runtime/recentWindows';
import type { CustomerFacts } from './domain/insightTypes';

const money = z
  .object({ amount: z.string(), currency: z.string().regex(/^[A-Z]{3}$/) })
  .transform((value, ctx): Money => {
    try {
      return fromDecimalString(value.amount, value.currency);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a decimal amount' });
      return z.NEVER;
    }
  });

/**
 * The windows the argument-free fields insights requires are served with
 * (subgraphs/runtime/recentWindows.ts). A longer list is cut back to them, so an answer never
 * depends on anything but the customer.
 */
export const REQUIRED_PAGE_SIZES = RECENT_WINDOWS;

const pageOf = <T extends z.ZodType>(node: T) =>
  z.object({
    edges: z.array(z.object({ node })),
    pageInfo: z.object({ hasNextPage: z.boolean() }).nullish(),
    totalCount: z.number().int().nullish(),
  });

type Page<T> = { edges: Array<{ node: T }>; pageInfo?: { hasNextPage: boolean } | null; totalCount?: number | null };

/**
 * A received page as a list of at most `size` items, and whether it holds every item up to that
 * size. The windows are argument-free, so no client page cuts them; a page that still falls short
 * (fewer items than the window, yet more to come) is marked incomplete and the rules that need
 * the whole window answer null rather than a wrong figure (domain/insightTypes.ts).
 */
function listOf<T>(page: Page<T> | null | undefined, size: number): { items: T[] | null; complete: boolean } {
  if (!page) return { items: null, complete: true };
  const items = page.edges.slice(0, size).map((edge) => edge.node);
  const more = page.totalCount != null ? page.totalCount > items.length : page.pageInfo?.hasNextPage === true;
  return { items, complete: items.length >= size || !more };
}

const account = z.object({
  type: z.enum(['CURRENT', 'SAVINGS', 'TERM_DEPOSIT', 'LOAN']),
  status: z.enum(['OPEN', 'CLOSED']),
  openedOn: z.string().nullish(),
  balance: money,
  recentTransactions: pageOf(z.object({ bookedAt: z.string(), amount: money })).nullish(),
});

const card = z.object({
  status: z.enum(['ACTIVE', 'BLOCKED', 'EXPIRED']),
  balance: money.optional(),
  creditLimit: money.optional(),
  recentTransactions: pageOf(z.object({ postedAt: z.string(), amount: money })).nullish(),
});

const order = z.object({
  orderId: z.string().optional(),
  createdAt: z.string(),
  netValue: money,
  deliveryStatus: z.enum(['NOT_DELIVERED', 'PARTIALLY_DELIVERED', 'DELIVERED']),
  billingStatus: z.enum(['NOT_BILLED', 'PARTIALLY_BILLED', 'BILLED']),
});

/** A failed system's field is null and a field not asked for is absent: both read as "not heard". */
const representation = z.object({
  accounts: z.array(account).nullish(),
  cards: z.array(card).nullish(),
  recentSalesOrders: pageOf(order).nullish(),
  openCases: z.array(z.object({ openedAt: z.string() })).nullish(),
  interactions: pageOf(z.object({ occurredAt: z.string() })).nullish(),
  profile: z.object({ birthDate: z.object({ value: z.string().nullish() }).nullish() }).nullish(),
  // Not in the graph yet: core banking holds it (CUST-INCOME) and will serve it as Customer.yearlyIncome.
  yearlyIncome: money.nullish(),
  mortgages: z
    .array(
      z.object({
        loanId: z.string().optional(),
        status: z.enum(['OPEN', 'CLOSED']),
        balance: money.optional(),
        arrearsStatus: z.enum(['UP_TO_DATE', 'ARREARS_1_2', 'ARREARS_3_5', 'ARREARS_6_PLUS']).optional(),
      }),
    )
    .nullish(),
});

export function customerFacts(ref: unknown): CustomerFacts {
  const parsed = representation.safeParse(ref);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'Customer';
    throw new GraphQLError(`insights: the Customer representation is malformed at ${where}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const value = parsed.data;
  const orders = listOf(value.recentSalesOrders, REQUIRED_PAGE_SIZES.salesOrders);
  // Only the newest interaction is read: any first page holds it, unless it is empty yet has more.
  const interactions = value.interactions && !(value.interactions.edges.length === 0 && value.interactions.pageInfo?.hasNextPage) ? value.interactions.edges.map((e) => e.node) : null;
  return {
    accounts:
      value.accounts?.map(({ recentTransactions, ...rest }) => {
        const page = listOf(recentTransactions, REQUIRED_PAGE_SIZES.accountTransactions);
        return { ...rest, openedOn: rest.openedOn ?? null, transactions: page.items, transactionsComplete: page.complete };
      }) ?? null,
    cards:
      value.cards?.map(({ recentTransactions, ...rest }) => {
        const page = listOf(recentTransactions, REQUIRED_PAGE_SIZES.cardTransactions);
        return { ...rest, transactions: page.items, transactionsComplete: page.complete };
      }) ?? null,
    orders: orders.items,
    ordersComplete: orders.complete,
    openCases: value.openCases ?? null,
    interactions,
    birthDate: value.profile?.birthDate?.value ?? null,
    yearlyIncome: value.yearlyIncome ?? null,
    mortgages: value.mortgages ?? null,
  };
}

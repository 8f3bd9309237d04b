/**
 * Turns what the gateway hands the insights subgraph through @requires (the Customer
 * representation, in the graph's shape: decimal-string money, connections) into the rules' plain
 * inputs (integer minor units, lists). Validated with zod: a malformed representation is a typed
 * BAD_USER_INPUT error naming the path, never a crash and never the offending value.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Money } from '../../adapters/canonical';
import { fromDecimalString } from '../../adapters/money';
import type { CustomerFacts } from './domain/insightTypes';

const money = z
  .object({ amount: z.string(), currency: z.string().regex(/^[A-Z]{3}$/) })
  .transform((value, ctx): Money => {
    try {
      return fromDecimalString(value.amount, value.currency);
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not a decimal amount' });
      return z.NEVER;
    }
  });

const connection = <T extends z.ZodTypeAny>(node: T) =>
  z
    .object({ edges: z.array(z.object({ node })) })
    .nullish()
    .transform((page) => (page ? page.edges.map((edge) => edge.node as z.output<T>) : null));

const account = z.object({
  type: z.enum(['CURRENT', 'SAVINGS', 'TERM_DEPOSIT', 'LOAN']),
  status: z.enum(['OPEN', 'CLOSED']),
  openedOn: z.string().nullish(),
  balance: money,
  transactions: connection(z.object({ bookedAt: z.string(), amount: money })).optional(),
});

const card = z.object({
  status: z.enum(['ACTIVE', 'BLOCKED', 'EXPIRED']),
  balance: money.optional(),
  creditLimit: money.optional(),
  transactions: connection(z.object({ postedAt: z.string(), amount: money })).optional(),
});

const order = z.object({
  orderId: z.string().optional(),
  createdAt: z.string(),
  netValue: money,
  deliveryStatus: z.enum(['NOT_DELIVERED', 'PARTIALLY_DELIVERED', 'DELIVERED']),
  billingStatus: z.enum(['NOT_BILLED', 'PARTIALLY_BILLED', 'BILLED']),
});

/** A list a field did not ask for is `undefined`; one whose system failed is `null`. Both read as "not heard". */
const heard = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform((v) => v ?? null);

const representation = z.object({
  accounts: heard(z.array(account)),
  cards: heard(z.array(card)),
  salesOrders: connection(order).optional().transform((v) => v ?? null),
  openCases: heard(z.array(z.object({ openedAt: z.string() }))),
  interactions: connection(z.object({ occurredAt: z.string() })).optional().transform((v) => v ?? null),
  profile: z.object({ birthDate: z.object({ value: z.string().nullish() }).nullish() }).nullish(),
  declaredIncome: money.nullish(),
});

export function customerFacts(ref: unknown): CustomerFacts {
  const parsed = representation.safeParse(ref);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'Customer';
    throw new GraphQLError(`insights: the Customer representation is malformed at ${where}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const value = parsed.data;
  return {
    accounts: value.accounts,
    cards: value.cards,
    orders: value.salesOrders,
    openCases: value.openCases,
    interactions: value.interactions,
    birthDate: value.profile?.birthDate?.value ?? null,
    yearlyIncome: value.declaredIncome ?? null,
  };
}

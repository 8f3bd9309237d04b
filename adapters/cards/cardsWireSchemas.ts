import { z } from 'zod/v4';

/**
 * The card processor's JSON resources (simulators/cards/PROTOCOL.md) as zod schemas: the
 * adapter validates every response with them. The simulator writes its resources with its own
 * code, so where the two read the protocol differently a contract test fails. Unknown extra
 * fields are dropped (a modern API adds fields without a new version; the nightly file's card
 * list, full PANs included, never gets past this boundary); the fields we read are checked strictly.
 */

const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'not an ISO 8601 UTC instant');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date');
/** Integer minor units: a float amount on the wire is a protocol error, not something to round. */
const minorUnits = z.number().int().refine(Number.isSafeInteger, 'amount out of the safe integer range');
const currency = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 code');
const nullableText = z.string().nullable();

export const wireAddressSchema = z.object({
  line1: nullableText,
  line2: nullableText,
  city: nullableText,
  postal_code: nullableText,
  country: nullableText,
});
export type WireAddress = z.infer<typeof wireAddressSchema>;

export const wireCardholderSchema = z.object({
  object: z.literal('cardholder'),
  id: z.string().min(1),
  name_on_card: z.string(),
  birth_date: isoDate.nullable(),
  email: nullableText,
  phone_number: nullableText,
  billing_address: wireAddressSchema.nullable(),
  updated_at: isoInstant,
});
export type WireCardholder = z.infer<typeof wireCardholderSchema>;

export const wireCardSchema = z.object({
  object: z.literal('card'),
  id: z.string().min(1),
  cardholder_id: z.string().min(1),
  /** The full card number: masked by the mapping before anything else sees it. */
  pan: z.string().min(1),
  last4: z.string(),
  product: z.string(),
  currency,
  credit_limit: minorUnits,
  current_balance: minorUnits,
  status: z.enum(['active', 'blocked', 'expired']),
  exp_month: z.number().int().min(1).max(12),
  exp_year: z.number().int().min(1900).max(9999),
});
export type WireCard = z.infer<typeof wireCardSchema>;

export const wireCardTransactionSchema = z.object({
  object: z.literal('card_transaction'),
  id: z.string().min(1),
  card_id: z.string().min(1),
  posted_at: isoInstant,
  amount: minorUnits,
  currency,
  merchant: z.object({ name: z.string() }),
});
export type WireCardTransaction = z.infer<typeof wireCardTransactionSchema>;

export const wireEventSchema = z.object({
  object: z.literal('event'),
  type: z.string(),
  entity: z.string().min(1),
  local_id: z.string().min(1),
  created_at: isoInstant,
});
export type WireEvent = z.infer<typeof wireEventSchema>;

/** A batch answer: what was found, and which of the asked ids were not. */
export function wireBatchSchema<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), missing_ids: z.array(z.string()) });
}

/** A page of a cursor-paginated list; `next_cursor` is null on the last page. */
export function wirePageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().min(1).nullable(),
  });
}

export const wireEventPageSchema = z.object({
  object: z.literal('list'),
  data: z.array(wireEventSchema),
  next_cursor: z.string().min(1),
});

/** The last line of a streamed extract: proves the stream was not cut short at a line boundary. */
export const wireExtractEndSchema = z.object({ object: z.literal('extract_end'), count: z.number().int().min(0) });

/** One line of the NDJSON extract stream: a cardholder, or the trailer. */
export const wireExtractLineSchema = z.discriminatedUnion('object', [wireCardholderSchema, wireExtractEndSchema]);

export const wireErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type WireError = z.infer<typeof wireErrorSchema>;

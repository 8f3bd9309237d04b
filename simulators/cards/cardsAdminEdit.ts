import { z } from 'zod/v4';
import { nonEmptyChanges } from '../kit/nonEmptyChanges';
import { CARD_ID, CARDHOLDER_ID } from './cardsIds';

/**
 * The body of `POST /__admin/records` for the cards simulator (see PROTOCOL.md):
 * either `{ cardholderId, changes: {...cardholder fields} }` or `{ cardId, changes: {...card fields} }`.
 * Field names are the dataset record's (simulators/dataset/records.ts), not the wire's.
 */
const optionalText = (max: number) => z.string().min(1).max(max).nullable().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const cardholderChanges = nonEmptyChanges(z
  .object({
    // Track-1 names: upper case, `SURNAME/GIVEN`, at most 26 characters.
    nameOnCard: z.string().regex(/^[A-Z][A-Z .'-]*\/[A-Z .'-]*$/, 'expected SURNAME/GIVEN in upper case').max(26).optional(),
    birthDate: isoDate.nullable().optional(),
    email: optionalText(254),
    phone: optionalText(32),
    addressLine1: optionalText(120),
    addressLine2: optionalText(120),
    city: optionalText(80),
    postalCode: optionalText(16),
    country: z.string().regex(/^[A-Z]{2}$/, 'expected ISO 3166-1 alpha-2').nullable().optional(),
  })
  .strict());

const cardChanges = nonEmptyChanges(z
  .object({
    status: z.enum(['ACTIVE', 'BLOCKED', 'EXPIRED']).optional(),
    product: z.string().min(1).max(60).optional(),
    limitMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    balanceMinor: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict());

const cardholderEdit = z.object({ cardholderId: z.string().regex(CARDHOLDER_ID, 'expected CH + 8 digits'), changes: cardholderChanges }).strict();
const cardEdit = z.object({ cardId: z.string().regex(CARD_ID, 'expected CRD + 9 digits'), changes: cardChanges }).strict();

export type CardsAdminEdit = z.infer<typeof cardholderEdit> | z.infer<typeof cardEdit>;

/**
 * Validates an edit. The kind is chosen by its key (`cardId` or else `cardholderId`) rather
 * than by a zod union, so a refusal names the offending field instead of "Invalid input".
 */
export function parseCardsAdminEdit(body: unknown): { ok: true; edit: CardsAdminEdit } | { ok: false; problems: string[] } {
  const schema = typeof body === 'object' && body !== null && 'cardId' in body ? cardEdit : cardholderEdit;
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, edit: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) };
}

import { z } from 'zod/v4';
import { isODataDate } from './odataDate';

/**
 * The ERP's JSON shapes as zod schemas: the adapter validates every response with them and the
 * simulator builds its responses from the inferred types, so the two cannot drift apart.
 * Like a real SAP gateway, text fields the system lacks are empty strings, not null.
 */

const odataDate = z.string().refine(isODataDate, 'not an OData /Date(ms)/ value');

export const metadataSchema = z.object({ id: z.string(), uri: z.string(), type: z.string() });

export const businessPartnerEntitySchema = z.object({
  __metadata: metadataSchema,
  BusinessPartner: z.string().min(1),
  FirstName: z.string(),
  LastName: z.string(),
  EmailAddress: z.string(),
  PhoneNumber: z.string(),
  StreetName: z.string(),
  HouseNumber: z.string(),
  CityName: z.string(),
  PostalCode: z.string(),
  Country: z.string(),
  LastChangeDateTime: odataDate.nullable(),
});
export type BusinessPartnerEntity = z.infer<typeof businessPartnerEntitySchema>;

const sapStatus = z.enum(['A', 'B', 'C']);

export const salesOrderEntitySchema = z.object({
  __metadata: metadataSchema,
  SalesOrder: z.string().min(1),
  SoldToParty: z.string().min(1),
  CreationDate: odataDate,
  /** Edm.Decimal travels as a string in OData v2 JSON, never as a float. */
  TotalNetAmount: z.string().regex(/^-?\d+(\.\d+)?$/),
  TransactionCurrency: z.string().regex(/^[A-Z]{3}$/),
  OverallDeliveryStatus: sapStatus,
  OverallBillingStatus: sapStatus,
});
export type SalesOrderEntity = z.infer<typeof salesOrderEntitySchema>;

export const changeEventEntitySchema = z.object({
  __metadata: metadataSchema,
  /** `party` for a business partner. */
  EntityType: z.string().min(1),
  LocalId: z.string().min(1),
  ChangeDateTime: odataDate,
});
export type ChangeEventEntity = z.infer<typeof changeEventEntitySchema>;

/** `{ d: { results, __next?, __count?, __delta? } }`. */
export function collectionSchema<T extends z.ZodType>(entity: T) {
  return z.object({
    d: z.object({
      results: z.array(entity),
      __next: z.string().optional(),
      __count: z.string().regex(/^\d+$/).optional(),
      __delta: z.string().optional(),
    }),
  });
}

export interface Collection<T> {
  d: { results: T[]; __next?: string; __count?: string; __delta?: string };
}

/** `{ d: entity }`: one entity read by key. */
export function singleSchema<T extends z.ZodType>(entity: T) {
  return z.object({ d: entity });
}

export const odataErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ lang: z.string(), value: z.string() }),
  }),
});
export type ODataErrorBody = z.infer<typeof odataErrorSchema>;

import type { BillingStatus, DeliveryStatus, PostalAddress, SalesOrder, SourceParty } from '../canonical';
import { fromDecimalString } from '../money';
import type { BusinessPartnerEntity, ChangeEventEntity, SalesOrderEntity } from './erpWire';
import type { ChangeEvent } from '../canonical';
import { decodeODataDate } from './odataDate';

/**
 * ERP wire entities -> the canonical model. Pure: the entities are already schema-checked;
 * whatever still cannot be mapped (an amount with too many decimals) throws, and the client
 * turns that into an UpstreamProtocolError.
 */

/** SAP writes absent text as '' (sometimes blank-padded); the canonical model says null. */
function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function addressOf(entity: BusinessPartnerEntity): PostalAddress | null {
  const street = [text(entity.StreetName), text(entity.HouseNumber)].filter((part) => part !== null).join(' ');
  const address: PostalAddress = {
    line1: street === '' ? null : street,
    line2: null,
    city: text(entity.CityName),
    postalCode: text(entity.PostalCode),
    country: text(entity.Country)?.toUpperCase() ?? null,
  };
  return Object.values(address).every((part) => part === null) ? null : address;
}

export function toSourceParty(entity: BusinessPartnerEntity): SourceParty {
  const phone = text(entity.PhoneNumber);
  const email = text(entity.EmailAddress);
  return {
    system: 'ERP',
    localId: entity.BusinessPartner,
    givenName: text(entity.FirstName),
    familyName: text(entity.LastName),
    // SAP holds the name split; there is no unsplit form to keep.
    rawName: null,
    birthDate: null,
    nationalId: null,
    phones: phone ? [phone] : [],
    emails: email ? [email] : [],
    address: addressOf(entity),
    changedAt: entity.LastChangeDateTime ? decodeODataDate(entity.LastChangeDateTime) : null,
  };
}

const DELIVERY: Record<SalesOrderEntity['OverallDeliveryStatus'], DeliveryStatus> = {
  A: 'NOT_DELIVERED',
  B: 'PARTIALLY_DELIVERED',
  C: 'DELIVERED',
};

const BILLING: Record<SalesOrderEntity['OverallBillingStatus'], BillingStatus> = {
  A: 'NOT_BILLED',
  B: 'PARTIALLY_BILLED',
  C: 'BILLED',
};

export function toSalesOrder(entity: SalesOrderEntity): SalesOrder {
  return {
    orderId: entity.SalesOrder,
    partnerId: entity.SoldToParty,
    createdAt: decodeODataDate(entity.CreationDate),
    netValue: fromDecimalString(entity.TotalNetAmount, entity.TransactionCurrency),
    deliveryStatus: DELIVERY[entity.OverallDeliveryStatus],
    billingStatus: BILLING[entity.OverallBillingStatus],
  };
}

export function toChangeEvent(entity: ChangeEventEntity): ChangeEvent {
  return { system: 'ERP', entity: entity.EntityType, localId: entity.LocalId, changedAt: decodeODataDate(entity.ChangeDateTime) };
}

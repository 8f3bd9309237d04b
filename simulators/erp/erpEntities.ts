import type { BusinessPartnerRecord, SalesOrderRecord } from '../dataset/records';
import type { ChangeEvent } from '../../adapters/canonical';
import { minorToDecimal } from '../kit/currencyExponent';
import { BUSINESS_PARTNER_PATH, CHANGE_EVENT_PATH, odataDateOf, quotedKey, SALES_ORDER_PATH } from './gatewayService';

/**
 * Record -> wire entity, the way the SAP gateway renders its tables (PROTOCOL.md). Missing text
 * is ''. The shapes are the gateway's own, written here from the protocol: the adapter validates
 * them with its own schemas.
 */

export interface EntityMetadata {
  id: string;
  uri: string;
  type: string;
}

export interface BusinessPartnerEntity {
  __metadata: EntityMetadata;
  BusinessPartner: string;
  FirstName: string;
  LastName: string;
  EmailAddress: string;
  PhoneNumber: string;
  StreetName: string;
  HouseNumber: string;
  CityName: string;
  PostalCode: string;
  Country: string;
  LastChangeDateTime: string | null;
}

export interface SalesOrderEntity {
  __metadata: EntityMetadata;
  SalesOrder: string;
  SoldToParty: string;
  CreationDate: string;
  /** Edm.Decimal travels as a decimal string. */
  TotalNetAmount: string;
  TransactionCurrency: string;
  OverallDeliveryStatus: 'A' | 'B' | 'C';
  OverallBillingStatus: 'A' | 'B' | 'C';
}

export interface ChangeEventEntity {
  __metadata: EntityMetadata;
  EntityType: string;
  LocalId: string;
  ChangeDateTime: string;
}

function metadataFor(baseUrl: string, setPath: string, key: string, type: string): EntityMetadata {
  const uri = `${baseUrl}${setPath}(${quotedKey(key)})`;
  return { id: uri, uri, type };
}

export function toBusinessPartnerEntity(record: BusinessPartnerRecord, baseUrl: string): BusinessPartnerEntity {
  return {
    __metadata: metadataFor(baseUrl, BUSINESS_PARTNER_PATH, record.partnerId, 'API_BUSINESS_PARTNER.A_BusinessPartnerType'),
    BusinessPartner: record.partnerId,
    FirstName: record.firstName ?? '',
    LastName: record.lastName ?? '',
    EmailAddress: record.email ?? '',
    PhoneNumber: record.phone ?? '',
    StreetName: record.street ?? '',
    HouseNumber: record.houseNumber ?? '',
    CityName: record.city ?? '',
    PostalCode: record.postalCode ?? '',
    Country: record.country ?? '',
    LastChangeDateTime: record.changedAt ? odataDateOf(record.changedAt) : null,
  };
}

export function toSalesOrderEntity(order: SalesOrderRecord, partnerId: string, baseUrl: string): SalesOrderEntity {
  return {
    __metadata: metadataFor(baseUrl, SALES_ORDER_PATH, order.orderId, 'API_SALES_ORDER_SRV.A_SalesOrderType'),
    SalesOrder: order.orderId,
    SoldToParty: partnerId,
    CreationDate: odataDateOf(order.createdAt),
    TotalNetAmount: minorToDecimal(order.netAmountMinor, order.currency),
    TransactionCurrency: order.currency,
    OverallDeliveryStatus: order.deliveryStatus,
    OverallBillingStatus: order.billingStatus,
  };
}

export function toChangeEventEntity(event: ChangeEvent, sequence: number, baseUrl: string): ChangeEventEntity {
  return {
    __metadata: metadataFor(baseUrl, CHANGE_EVENT_PATH, String(sequence), 'ZUV_CHANGE_FEED_SRV.ChangeEvent'),
    EntityType: event.entity,
    LocalId: event.localId,
    ChangeDateTime: odataDateOf(event.changedAt),
  };
}

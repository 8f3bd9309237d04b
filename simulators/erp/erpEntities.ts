import type { BusinessPartnerRecord, SalesOrderRecord } from '../dataset/records';
import type { ChangeEvent } from '../../adapters/canonical';
import { toDecimalString } from '../../adapters/money';
import { encodeODataDate } from '../../adapters/erp/odataDate';
import { formatStringLiteral } from '../../adapters/erp/odataFilter';
import { BUSINESS_PARTNER_PATH, CHANGE_EVENT_PATH, SALES_ORDER_PATH } from '../../adapters/erp/erpProtocol';
import type { BusinessPartnerEntity, ChangeEventEntity, SalesOrderEntity } from '../../adapters/erp/erpWire';

/** Record -> wire entity, the way the SAP gateway renders its tables. Missing text is ''. */

function uriFor(baseUrl: string, setPath: string, key: string): { id: string; uri: string } {
  const uri = `${baseUrl}${setPath}(${formatStringLiteral(key)})`;
  return { id: uri, uri };
}

export function toBusinessPartnerEntity(record: BusinessPartnerRecord, baseUrl: string): BusinessPartnerEntity {
  return {
    __metadata: { ...uriFor(baseUrl, BUSINESS_PARTNER_PATH, record.partnerId), type: 'API_BUSINESS_PARTNER.A_BusinessPartnerType' },
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
    LastChangeDateTime: record.changedAt ? encodeODataDate(record.changedAt) : null,
  };
}

export function toSalesOrderEntity(order: SalesOrderRecord, partnerId: string, baseUrl: string): SalesOrderEntity {
  return {
    __metadata: { ...uriFor(baseUrl, SALES_ORDER_PATH, order.orderId), type: 'API_SALES_ORDER_SRV.A_SalesOrderType' },
    SalesOrder: order.orderId,
    SoldToParty: partnerId,
    CreationDate: encodeODataDate(order.createdAt),
    TotalNetAmount: toDecimalString({ amountMinor: order.netAmountMinor, currency: order.currency }),
    TransactionCurrency: order.currency,
    OverallDeliveryStatus: order.deliveryStatus,
    OverallBillingStatus: order.billingStatus,
  };
}

export function toChangeEventEntity(event: ChangeEvent, sequence: number, baseUrl: string): ChangeEventEntity {
  return {
    __metadata: { ...uriFor(baseUrl, CHANGE_EVENT_PATH, String(sequence)), type: 'ZUV_CHANGE_FEED_SRV.ChangeEvent' },
    EntityType: event.entity,
    LocalId: event.localId,
    ChangeDateTime: encodeODataDate(event.changedAt),
  };
}

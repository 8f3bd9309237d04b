import { toChangeEvent, toSalesOrder, toSourceParty } from './erpMapping';
import type { BusinessPartnerEntity, SalesOrderEntity } from './erpWire';

const metadata = { id: 'x', uri: 'x', type: 'T' };

const partner: BusinessPartnerEntity = {
  __metadata: metadata,
  BusinessPartner: '1000000001',
  FirstName: 'Ada',
  LastName: 'Lovelace',
  EmailAddress: 'ada@example.test',
  PhoneNumber: '+49 30 555',
  StreetName: 'Hauptstrasse',
  HouseNumber: '12a',
  CityName: 'Berlin',
  PostalCode: '10115',
  Country: 'de',
  LastChangeDateTime: '/Date(1000)/',
};

const order: SalesOrderEntity = {
  __metadata: metadata,
  SalesOrder: '5000000001',
  SoldToParty: '1000000001',
  CreationDate: `/Date(${Date.UTC(2026, 0, 15)})/`,
  TotalNetAmount: '1234.50',
  TransactionCurrency: 'EUR',
  OverallDeliveryStatus: 'C',
  OverallBillingStatus: 'B',
};

describe('toSourceParty', () => {
  it('maps a business partner to the canonical party', () => {
    expect(toSourceParty(partner)).toEqual({
      system: 'ERP',
      localId: '1000000001',
      givenName: 'Ada',
      familyName: 'Lovelace',
      rawName: null,
      birthDate: null,
      nationalId: null,
      phones: ['+49 30 555'],
      emails: ['ada@example.test'],
      address: { line1: 'Hauptstrasse 12a', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
      changedAt: '1970-01-01T00:00:01.000Z',
    });
  });

  it("turns SAP's empty and blank text into null and an all-empty address into null", () => {
    const sparse = toSourceParty({
      ...partner,
      EmailAddress: '',
      PhoneNumber: '  ',
      StreetName: '',
      HouseNumber: '',
      CityName: '',
      PostalCode: '',
      Country: '',
      LastChangeDateTime: null,
    });
    expect(sparse).toMatchObject({ emails: [], phones: [], address: null, changedAt: null });
    expect(toSourceParty({ ...partner, StreetName: '', HouseNumber: '' }).address?.line1).toBeNull();
  });
});

describe('toSalesOrder', () => {
  it('maps amounts exactly and statuses by meaning', () => {
    expect(toSalesOrder(order)).toEqual({
      orderId: '5000000001',
      partnerId: '1000000001',
      createdAt: '2026-01-15T00:00:00.000Z',
      netValue: { amountMinor: 123450, currency: 'EUR' },
      deliveryStatus: 'DELIVERED',
      billingStatus: 'PARTIALLY_BILLED',
    });
    expect(toSalesOrder({ ...order, OverallDeliveryStatus: 'A', OverallBillingStatus: 'A' })).toMatchObject({
      deliveryStatus: 'NOT_DELIVERED',
      billingStatus: 'NOT_BILLED',
    });
    expect(toSalesOrder({ ...order, OverallDeliveryStatus: 'B', OverallBillingStatus: 'C' })).toMatchObject({
      deliveryStatus: 'PARTIALLY_DELIVERED',
      billingStatus: 'BILLED',
    });
  });

  it('refuses an amount with more decimals than the currency has', () => {
    expect(() => toSalesOrder({ ...order, TotalNetAmount: '12.5', TransactionCurrency: 'JPY' })).toThrow(RangeError);
  });
});

describe('toChangeEvent', () => {
  it('maps a change event', () => {
    expect(toChangeEvent({ __metadata: metadata, EntityType: 'party', LocalId: '1000000001', ChangeDateTime: '/Date(0)/' })).toEqual({
      system: 'ERP',
      entity: 'party',
      localId: '1000000001',
      changedAt: '1970-01-01T00:00:00.000Z',
    });
  });
});

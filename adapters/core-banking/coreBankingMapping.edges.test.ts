import { toSourceParty, toTransaction } from './coreBankingMapping';
import type { WireCustomer } from './coreBankingWire';

/** The core-banking mapping's edges, expected records by hand (survivors of the mutation run: TESTING.md). */

const blank: WireCustomer = {
  'CUST-REC-TYPE': 'CU',
  'CUST-CIF': '0000000007',
  'CUST-STATUS': 'A',
  'CUST-GIVEN-NAME': '',
  'CUST-FAMILY-NAME': '',
  'CUST-BIRTH-DATE': null,
  'CUST-NATIONAL-ID': '',
  'CUST-ADDR-LINE1': '',
  'CUST-ADDR-LINE2': '',
  'CUST-CITY': '',
  'CUST-POSTAL-CODE': '',
  'CUST-COUNTRY': '',
  'CUST-PHONE': '',
  'CUST-EMAIL': '',
  'CUST-INCOME-IND': 'N',
  'CUST-INCOME': 0,
  'CUST-CHANGED-TS': '2026-11-27T08:00:00.000Z',
};

describe('core-banking mapping: edges', () => {
  it('a record with no phone and no e-mail has empty lists', () => {
    const party = toSourceParty(blank)!;
    expect(party.phones).toEqual([]);
    expect(party.emails).toEqual([]);
  });

  it('trims the blanks around a value on either side', () => {
    const party = toSourceParty({ ...blank, 'CUST-GIVEN-NAME': '  ANNE  ', 'CUST-PHONE': ' 07700900123 ' })!;
    expect(party.givenName).toBe('ANNE');
    expect(party.phones).toEqual(['07700900123']);
  });

  it.each([
    ['GB', 'GB'],
    ['GBR', null],
    ['1GB', null],
    ['GB1', null],
    ['gb', null],
  ])('country %s is read as %p (ISO 3166-1 alpha-2 or nothing)', (country, expected) => {
    expect(toSourceParty({ ...blank, 'CUST-CITY': 'LEEDS', 'CUST-COUNTRY': country })?.address?.country).toBe(expected);
  });

  it('a known income is in pounds (the bank home currency), scaled by two implied decimals', () => {
    expect(toSourceParty({ ...blank, 'CUST-INCOME-IND': 'Y', 'CUST-INCOME': 5200000 })?.yearlyIncome).toEqual({ amountMinor: 5200000, currency: 'GBP' });
  });

  it('a transaction, field by field', () => {
    expect(
      toTransaction({ 'TXN-REC-TYPE': 'TX', 'TXN-ACCT-NUMBER': '100000000042', 'TXN-ID': 'T0000001', 'TXN-BOOK-DATE': '2026-11-01', 'TXN-AMOUNT': 1250, 'TXN-CURRENCY': 'EUR', 'TXN-DESCRIPTION': 'SALARY NOV' }),
    ).toEqual({ id: 'T0000001', accountNumber: '100000000042', bookedAt: '2026-11-01', amount: { amountMinor: 1250, currency: 'EUR' }, description: 'SALARY NOV' });
  });
});

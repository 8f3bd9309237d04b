import { toAccount, toChangeEvent, toSourceParty, toTransaction } from './coreBankingMapping';
import type { WireCustomer } from './coreBankingWire';

const customer: WireCustomer = {
  'CUST-REC-TYPE': 'CU',
  'CUST-CIF': '0000000042',
  'CUST-STATUS': 'A',
  'CUST-GIVEN-NAME': 'ANNE',
  'CUST-FAMILY-NAME': "O'NEILL",
  'CUST-BIRTH-DATE': null,
  'CUST-NATIONAL-ID': '',
  'CUST-ADDR-LINE1': '',
  'CUST-ADDR-LINE2': '',
  'CUST-CITY': '',
  'CUST-POSTAL-CODE': '',
  'CUST-COUNTRY': '',
  'CUST-PHONE': '',
  'CUST-EMAIL': 'ANNE.ONEILL@EXAMPLE.COM',
  'CUST-INCOME-IND': 'N',
  'CUST-INCOME': 0,
  'CUST-CHANGED-TS': '2026-11-27T08:00:00.000Z',
};

describe('core-banking mapping', () => {
  it('turns blanks into nulls, a blank address into null, and lower-cases e-mail', () => {
    expect(toSourceParty(customer)).toEqual({
      system: 'CORE_BANKING',
      localId: '0000000042',
      givenName: 'ANNE',
      familyName: "O'NEILL",
      rawName: null,
      birthDate: null,
      nationalId: null,
      phones: [],
      emails: ['anne.oneill@example.com'],
      address: null,
      changedAt: '2026-11-27T08:00:00.000Z',
      yearlyIncome: null,
    });
  });

  it('keeps an address with only a junk country out of the canonical model', () => {
    expect(toSourceParty({ ...customer, 'CUST-COUNTRY': '9X' })?.address).toBeNull();
    expect(toSourceParty({ ...customer, 'CUST-CITY': 'LEEDS', 'CUST-COUNTRY': 'GB' })?.address).toEqual({ line1: null, line2: null, city: 'LEEDS', postalCode: null, country: 'GB' });
  });

  it('maps the not-found record to null', () => {
    expect(toSourceParty({ ...customer, 'CUST-STATUS': 'N' })).toBeNull();
  });

  it('maps account and transaction codes and scales amounts to minor units', () => {
    expect(
      toAccount({ 'ACCT-REC-TYPE': 'AC', 'ACCT-CIF': '0000000042', 'ACCT-NUMBER': '100000000042', 'ACCT-TYPE': 'TD', 'ACCT-CURRENCY': 'JPY', 'ACCT-BALANCE': 123400, 'ACCT-OPEN-DATE': null, 'ACCT-STATUS': 'C' }),
    ).toEqual({ accountNumber: '100000000042', cif: '0000000042', type: 'TERM_DEPOSIT', balance: { amountMinor: 1234, currency: 'JPY' }, openedOn: null, status: 'CLOSED' });
    expect(
      toTransaction({ 'TXN-REC-TYPE': 'TX', 'TXN-ACCT-NUMBER': '100000000042', 'TXN-ID': 'T1', 'TXN-BOOK-DATE': '2026-11-01', 'TXN-AMOUNT': -4599, 'TXN-CURRENCY': 'GBP', 'TXN-DESCRIPTION': 'TESCO STORES' }).amount,
    ).toEqual({ amountMinor: -4599, currency: 'GBP' });
    expect(toChangeEvent({ 'CHG-REC-TYPE': 'CH', 'CHG-SEQ': '000000000007', 'CHG-ENTITY': 'PARTY', 'CHG-LOCAL-ID': '0000000042', 'CHG-CHANGED-TS': '2026-11-27T08:00:00.000Z' })).toEqual({
      system: 'CORE_BANKING',
      entity: 'party',
      localId: '0000000042',
      changedAt: '2026-11-27T08:00:00.000Z',
    });
  });

  it('reads the declared income only when its indicator says it is known', () => {
    expect(toSourceParty({ ...customer, 'CUST-INCOME-IND': 'Y', 'CUST-INCOME': 5_500_000 })?.yearlyIncome).toEqual({ amountMinor: 5_500_000, currency: 'GBP' });
    expect(toSourceParty({ ...customer, 'CUST-INCOME-IND': 'N', 'CUST-INCOME': 5_500_000 })?.yearlyIncome).toBeNull();
  });
});

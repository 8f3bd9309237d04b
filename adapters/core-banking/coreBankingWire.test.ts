import { wireAccountSchema, wireCustomerSchema, wireTransactionSchema } from './coreBankingWire';

/**
 * Which dates a record may hold: the host's own dates (account opened, transaction booked) must
 * be calendar dates; a birth date keyed at a branch is passed on as held, however wrong, so one
 * mistyped customer does not make the record, or the nightly extract, unreadable.
 */
const CUSTOMER = {
  'CUST-REC-TYPE': 'CU',
  'CUST-CIF': '4836259295',
  'CUST-STATUS': 'A',
  'CUST-GIVEN-NAME': 'MICHAEL',
  'CUST-FAMILY-NAME': 'O SUILLEABHAIN',
  'CUST-BIRTH-DATE': '2006-04-13',
  'CUST-NATIONAL-ID': 'CB591751A',
  'CUST-ADDR-LINE1': '196 CASTLE STREET',
  'CUST-ADDR-LINE2': 'FLAT 23',
  'CUST-CITY': 'LIVERPOOL',
  'CUST-POSTAL-CODE': 'L9 9FW',
  'CUST-COUNTRY': 'GB',
  'CUST-PHONE': '07551 414541',
  'CUST-EMAIL': 'M@EXAMPLE.ORG',
  'CUST-INCOME-IND': 'Y',
  'CUST-INCOME': 3225000,
  'CUST-CHANGED-TS': '2025-10-30T13:58:00.000Z',
};

describe('core-banking record schemas: dates', () => {
  it.each([
    ['a calendar date', '2006-04-13', true],
    ['day and month swapped past 12', '2006-13-04', true],
    ['30 February', '2026-02-30', true],
    ['no date held', null, true],
    ['not in ISO form', '13/04/2006', false],
    ['letters', '2006-AB-04', false],
  ])('a birth date keyed as %s: accepted %s', (_case, birthDate, accepted) => {
    expect(wireCustomerSchema.safeParse({ ...CUSTOMER, 'CUST-BIRTH-DATE': birthDate }).success).toBe(accepted);
  });

  it.each([
    ['2026-01-31', true],
    ['2024-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
  ])('a transaction booked on %s: accepted %s', (bookDate, accepted) => {
    expect(wireTransactionSchema.shape['TXN-BOOK-DATE'].safeParse(bookDate).success).toBe(accepted);
  });

  it.each([
    ['2019-06-30', true],
    ['2019-06-31', false],
    [null, true],
  ])('an account opened on %s: accepted %s', (openDate, accepted) => {
    expect(wireAccountSchema.shape['ACCT-OPEN-DATE'].safeParse(openDate).success).toBe(accepted);
  });
});

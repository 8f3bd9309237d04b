import { deltaRowSchema, EXTRACT_COLUMNS, extractRowSchema } from './extractWire';

// A valid row of a full extract, written by hand (PROTOCOL.md's layout).
const ROW: Record<(typeof EXTRACT_COLUMNS)[number], string> = {
  LOAN_NO: 'ML00000001',
  BORROWER_NO: 'MB00000001',
  BORROWER_SEQ: '1',
  BORROWER_COUNT: '1',
  FORENAME: 'Ada',
  SURNAME: 'Lovelace',
  DATE_OF_BIRTH: '19851210',
  ADDR_LINE_1: '1 High Street',
  ADDR_LINE_2: '',
  TOWN: 'London',
  POSTCODE: 'N1 9GU',
  COUNTRY: 'GB',
  PHONE: '07700 900001',
  EMAIL: 'ada@example.org',
  BORROWER_UPDATED: '2026-12-01T09:30:00Z',
  CCY: 'GBP',
  BALANCE: '182500.00',
  MONTHS_IN_ARREARS: '0',
  NEXT_DUE_DATE: '20261215',
  NEXT_DUE_AMOUNT: '1024.50',
  RATE_TYPE: 'FXD',
  MATURITY_DATE: '20480101',
  LOAN_STATUS: 'ACTIVE',
  LOAN_UPDATED: '2026-12-01T09:30:00Z',
};

// The fields that may be empty ('' for none), each with values it takes and values it refuses.
const OPTIONAL: Array<[keyof typeof ROW, string[], string[]]> = [
  ['DATE_OF_BIRTH', ['', '19851210', '19880785'], ['1985121', '198512100', '1985-12-10', ' 19851210', '19851210\n', 'abcdefgh']],
  ['NEXT_DUE_DATE', ['', '20261215'], ['2026121', '2026-12-15', '20261215 ']],
  ['COUNTRY', ['', 'GB', 'IE'], ['gb', 'G', 'GBR', ' GB', 'G1']],
  ['NEXT_DUE_AMOUNT', ['', '0.00', '1024.50', '1234567890123.99'], ['1024.5', '1024', '1,024.50', '-1.00', '12345678901234.00', '.50', '1024.500']],
];

describe('a mortgage extract row at the boundary', () => {
  it('takes the hand-written row as it is, full and delta', () => {
    expect(extractRowSchema.safeParse(ROW).success).toBe(true);
    expect(deltaRowSchema.safeParse({ ...ROW, CHANGE_CODE: 'C' }).success).toBe(true);
  });

  describe.each(OPTIONAL)('%s', (field, taken, refused) => {
    it.each(taken)('takes %j', (value) => {
      expect(extractRowSchema.safeParse({ ...ROW, [field]: value }).success).toBe(true);
    });
    it.each(refused)('refuses %j, naming the field', (value) => {
      const parsed = extractRowSchema.safeParse({ ...ROW, [field]: value });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual([field]);
    });
  });

  it('refuses a required field left empty', () => {
    for (const field of ['MATURITY_DATE', 'BALANCE', 'CCY', 'SURNAME'] as const) expect(extractRowSchema.safeParse({ ...ROW, [field]: '' }).success).toBe(false);
  });
});

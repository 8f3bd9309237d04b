import { nextPaymentDate } from './nextPaymentDate';

describe('nextPaymentDate (the first due date after the business date)', () => {
  it.each([
    ['later this month', '2026-12-03', 15, '2026-12-15'],
    ['on the due day itself: next month', '2026-12-15', 15, '2027-01-15'],
    ['past the due day: next month, across a year end', '2026-12-20', 1, '2027-01-01'],
    ['the 28th in February', '2027-02-01', 28, '2027-02-28'],
    ['from the last day of January to February', '2027-01-31', 28, '2027-02-28'],
  ])('%s', (_what, businessDate, paymentDay, expected) => {
    expect(nextPaymentDate(businessDate, paymentDay)).toBe(expected);
  });
});

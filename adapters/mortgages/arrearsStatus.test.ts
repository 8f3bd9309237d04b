import { arrearsStatus } from './arrearsStatus';

describe('arrearsStatus (missed monthly payments -> band)', () => {
  it.each([
    [0, 'UP_TO_DATE'],
    [1, 'ARREARS_1_2'],
    [2, 'ARREARS_1_2'],
    [3, 'ARREARS_3_5'],
    [5, 'ARREARS_3_5'],
    [6, 'ARREARS_6_PLUS'],
    [14, 'ARREARS_6_PLUS'],
  ])('%i months -> %s', (months, band) => {
    expect(arrearsStatus(months)).toBe(band);
  });
});

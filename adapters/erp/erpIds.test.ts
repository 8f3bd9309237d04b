import { InvalidIdError } from '../kit';
import { assertPartnerIds, invalidPartnerId, isPartnerId } from './erpIds';

describe('ERP business partner numbers', () => {
  it.each<[unknown, boolean]>([
    ['1000000001', true],
    ['0000000000', true],
    ['100000001', false],
    ['10000000011', false],
    ['x1000000001', false],
    ['100000000a', false],
    [1000000001, false],
    [null, false],
  ])('%j is a partner number: %s', (id, ok) => {
    expect(isPartnerId(id)).toBe(ok);
  });

  it('refuses a batch with any malformed id, naming the format and not the value', () => {
    expect(() => assertPartnerIds(['1000000001', '1000000002'], 'getParties')).not.toThrow();
    expect(() => assertPartnerIds([], 'getParties')).not.toThrow();
    expect(() => assertPartnerIds(['1000000001', 'Jane Doe'], 'getParties')).toThrow(InvalidIdError);
    expect(() => assertPartnerIds(['Jane Doe'], 'getParties')).toThrow(/^ERP getParties: invalid id: expected a business partner number of 10 digits$/);
    expect(invalidPartnerId('getOrders')).toMatchObject({ system: 'ERP', operation: 'getOrders', code: 'BAD_USER_INPUT' });
  });
});

import { Crosswalk } from './crosswalk';

describe('Crosswalk', () => {
  const crosswalk = new Crosswalk([
    { customerId: 'cust_b', members: [{ system: 'CORE_BANKING', localId: '0000000002' }] },
    {
      customerId: 'cust_a',
      members: [
        { system: 'CORE_BANKING', localId: '0000000001' },
        { system: 'CARDS', localId: 'CH00000009' },
        { system: 'CARDS', localId: 'CH00000003' },
        { system: 'CALL_CENTER', localId: 'C000000001' },
      ],
    },
  ]);

  it('gives each customer its local keys per system, sorted', () => {
    expect(crosswalk.links('cust_a')).toEqual({
      cifs: ['0000000001'],
      cardholderIds: ['CH00000003', 'CH00000009'],
      partnerIds: [],
      contactIds: ['C000000001'],
    });
  });

  it('finds the customer of a source record, and null for an unknown one', () => {
    expect(crosswalk.customerOf('CARDS', 'CH00000009')).toBe('cust_a');
    expect(crosswalk.customerOf('ERP', '1000000000')).toBeNull();
  });

  it('orders customers stably for paging', () => {
    expect(crosswalk.orderedIds).toEqual(['cust_a', 'cust_b']);
    expect(crosswalk.has('cust_c')).toBe(false);
    expect(crosswalk.links('cust_c')).toEqual({ cifs: [], cardholderIds: [], partnerIds: [], contactIds: [] });
  });
});

import { anchorOf, base32, compareAnchorKeys, customerIdFor } from './customerId';

describe('base32', () => {
  it('encodes RFC 4648 test vectors (lower case, no padding)', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(enc('')).toBe('');
    expect(enc('f')).toBe('my');
    expect(enc('fo')).toBe('mzxq');
    expect(enc('foobar')).toBe('mzxw6ytboi');
  });
});

describe('customerIdFor', () => {
  it('is deterministic and shaped cust_ + 16 base32 chars', () => {
    const id = customerIdFor('CORE_BANKING:0000000001');
    expect(id).toBe(customerIdFor('CORE_BANKING:0000000001'));
    expect(id).toMatch(/^cust_[a-z2-7]{16}$/);
  });
  it('gives other anchors and generations other ids', () => {
    expect(customerIdFor('CORE_BANKING:0000000001')).not.toBe(customerIdFor('CORE_BANKING:0000000002'));
    expect(customerIdFor('CORE_BANKING:0000000001', 1)).not.toBe(customerIdFor('CORE_BANKING:0000000001'));
  });
});

describe('anchorOf', () => {
  it('prefers core banking, then the smallest key', () => {
    expect(anchorOf(['CARDS:CH1', 'CORE_BANKING:9', 'CORE_BANKING:3'])).toBe('CORE_BANKING:3');
    expect(anchorOf(['ERP:1', 'CARDS:CH9'])).toBe('CARDS:CH9');
    expect(compareAnchorKeys('CALL_CENTER:C1', 'CARDS:CH1')).toBeGreaterThan(0);
  });
  it('rejects an empty cluster', () => {
    expect(() => anchorOf([])).toThrow(RangeError);
  });
});

import { createHash } from 'node:crypto';
import { anchorOf, base32, compareAnchorKeys, customerIdFor } from './customerId';

/** RFC 4648 base32 the slow, obvious way (bits as text, five at a time): the oracle for base32. */
function base32ByBits(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

describe('base32 at its edges', () => {
  it.each([
    ['foo', 'mzxw6'],
    ['foob', 'mzxw6yq'],
    ['fooba', 'mzxw6ytb'],
  ])('encodes the RFC 4648 vector %s as %s', (text, encoded) => {
    expect(base32(new TextEncoder().encode(text))).toBe(encoded);
  });

  it.each([
    [[0xff], '74'],
    [[0, 0, 0, 0, 0], 'aaaaaaaa'],
    [[0xff, 0xff, 0xff, 0xff, 0xff], '77777777'],
    [[0x84, 0x21, 0x08, 0x42, 0x10], 'qqqqqqqq'],
  ])('encodes %o as %s', (bytes, encoded) => {
    expect(base32(Uint8Array.from(bytes))).toBe(encoded);
  });

  it('encodes inputs longer than one slice of character codes (the string is built in slices)', () => {
    const bytes = Uint8Array.from({ length: 6000 }, (_, i) => (i * 37 + 11) & 0xff);
    expect(base32(bytes)).toBe(base32ByBits(bytes));
  });
});

describe('customerIdFor at its edges', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest().subarray(0, 10);
  it('is cust_ and the first 80 bits of SHA-256 of the anchor key', () => {
    expect(customerIdFor('CORE_BANKING:0000000001')).toBe('cust_' + base32ByBits(sha('CORE_BANKING:0000000001')));
  });
  it('hashes key#generation for later generations, the bare key for generation 0', () => {
    expect(customerIdFor('CARDS:CH1', 0)).toBe('cust_' + base32ByBits(sha('CARDS:CH1')));
    expect(customerIdFor('CARDS:CH1', 2)).toBe('cust_' + base32ByBits(sha('CARDS:CH1#2')));
  });
});

describe('compareAnchorKeys and anchorOf at their edges', () => {
  it.each([
    ['CORE_BANKING:9', 'CARDS:1'],
    ['CARDS:9', 'ERP:1'],
    ['ERP:9', 'CALL_CENTER:1'],
    ['CALL_CENTER:9', 'OTHER:1'],
    ['CARDS:A', 'CARDS:B'],
  ])('puts %s before %s', (first, second) => {
    expect(compareAnchorKeys(first, second)).toBeLessThan(0);
    expect(compareAnchorKeys(second, first)).toBeGreaterThan(0);
  });

  it('orders within a system by key, -1, 0 or 1', () => {
    expect(compareAnchorKeys('ERP:1', 'ERP:2')).toBe(-1);
    expect(compareAnchorKeys('ERP:2', 'ERP:1')).toBe(1);
    expect(compareAnchorKeys('ERP:1', 'ERP:1')).toBe(0);
  });

  it.each([
    [['CORE_BANKING:1', 'CARDS:1'], 'CORE_BANKING:1'],
    [['ERP:2', 'CALL_CENTER:1', 'ERP:1'], 'ERP:1'],
    [['OTHER:1', 'CALL_CENTER:2'], 'CALL_CENTER:2'],
    [['CALL_CENTER:2', 'CALL_CENTER:1'], 'CALL_CENTER:1'],
    [['CARDS:CH1'], 'CARDS:CH1'],
  ])('anchors %o at %s', (keys, anchor) => {
    expect(anchorOf(keys)).toBe(anchor);
  });
});

describe('anchorOf of no records', () => {
  it('says a cluster has at least one member', () => {
    expect(() => anchorOf([])).toThrow(new RangeError('a cluster has at least one member'));
  });
});

import fc from 'fast-check';
import { containsUnmaskedPan, maskPan, redactPans } from './panMask';

describe('maskPan', () => {
  it('keeps an already masked PAN as it is', () => {
    expect(maskPan('411111******1234')).toBe('411111******1234');
  });

  it('masks a full PAN to BIN + last 4', () => {
    expect(maskPan('4111111111111234')).toBe('411111******1234');
    expect(maskPan('4111 1111 1111 1234')).toBe('411111******1234');
    expect(maskPan('5500-0000-0000-0004')).toBe('550000******0004');
  });

  it('keeps only the last 4 digits of a format it does not recognise', () => {
    expect(maskPan('4111-11XX-XXXX-1234')).toBe('************1234');
    expect(maskPan('')).toBe('************');
  });

  it('never returns more than 10 digits for any full PAN', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13,19}$/), (pan) => {
        const masked = maskPan(pan);
        expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(10);
        expect(containsUnmaskedPan(masked)).toBe(false);
        expect(masked.slice(-4)).toBe(pan.slice(-4));
      }),
    );
  });
});

describe('redactPans', () => {
  it('masks PANs inside free text and leaves other numbers alone', () => {
    expect(redactPans('refund to 4111111111111234 ref 123456')).toBe('refund to 411111******1234 ref 123456');
  });

  it('leaves masked PANs alone', () => {
    expect(redactPans('card 411111******1234')).toBe('card 411111******1234');
    expect(containsUnmaskedPan('card 411111******1234')).toBe(false);
  });

  it('detects a PAN in text', () => {
    expect(containsUnmaskedPan('x 4111 1111 1111 1234 y')).toBe(true);
    expect(containsUnmaskedPan('order 1234567890')).toBe(false);
  });
});

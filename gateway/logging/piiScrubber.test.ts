import { scrubPii, scrubPiiDeep } from './piiScrubber';

describe('scrubPii', () => {
  it('masks emails, phone numbers in the formats agents type, national ids and card numbers', () => {
    const text =
      'contact mark.singh421@example.net or +447412345678, +44 7417 544514, +44-7422-743350, 07418-844-223, 07473 432001, 07431841313; NI AB024997D / AB 02 49 97 D; card 4111 1111 1111 1111';
    const scrubbed = scrubPii(text);
    expect(scrubbed).toBe(
      'contact [email] or [phone], [phone], [phone], [phone], [phone], [phone]; NI [national-id] / [national-id]; card [card-number]',
    );
  });

  it('leaves operational text alone', () => {
    const text = 'CARDS getCards is unavailable (ECONNREFUSED 127.0.0.1:4102) at 2026-11-27T08:24:11.000Z after 1234 ms; cif 3141592653; masked 454313******1351';
    expect(scrubPii(text)).toBe(text);
  });
});

describe('scrubPiiDeep', () => {
  it('scrubs nested string values but keeps request ids', () => {
    expect(scrubPiiDeep({ requestId: '0741-8844-2230', err: { message: 'bad email a@b.co' }, list: ['07431841313'], n: 5 })).toEqual({
      requestId: '0741-8844-2230',
      err: { message: 'bad email [email]' },
      list: ['[phone]'],
      n: 5,
    });
  });
});

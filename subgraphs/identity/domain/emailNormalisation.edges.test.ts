import { normaliseEmail, normaliseEmails } from './emailNormalisation';

describe('normaliseEmail at its edges', () => {
  it.each([
    ['mailto:Ann.Lee@Example.com', 'ann.lee@example.com'],
    ['MAILTO:ann@x.com', 'ann@x.com'],
    // Only a leading mailto: is a scheme.
    ['amailto:b@x.com', 'amailto:b@x.com'],
    // The domain follows the last @.
    ['ann@x@y.com', 'ann@x@y.com'],
    ['a@b', 'a@b'],
    ['\tann@x.com\n', 'ann@x.com'],
    ['A.B+c+d@GMAIL.com', 'ab@gmail.com'],
    ['a.b@googlemail.com', 'ab@gmail.com'],
    // Other providers keep dots and tags.
    ['a.b+c@gmail.co.uk', 'a.b+c@gmail.co.uk'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each([
    ['ann lee@x.com', 'a space inside'],
    ['ann@x .com', 'a space in the domain'],
    ['@', 'only the separator'],
    ['ann.example.com', 'no @ at all'],
    ['ann@', 'no domain'],
    ['+tag@gmail.com', 'a Gmail address that is only a tag'],
    ['', 'an empty string'],
    [undefined, 'nothing'],
  ])('refuses %s (%s)', (raw, _why) => {
    expect(normaliseEmail(raw)).toBeNull();
  });

  it('keeps first-seen order and drops what is unusable', () => {
    expect(normaliseEmails(['b@x.com', 'not an email', 'A@x.com', 'B@X.com', null])).toEqual(['b@x.com', 'a@x.com']);
    expect(normaliseEmails([])).toEqual([]);
  });
});

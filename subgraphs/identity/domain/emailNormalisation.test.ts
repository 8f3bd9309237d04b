import { normaliseEmail, normaliseEmails } from './emailNormalisation';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  John.Smith@Example.COM ')).toBe('john.smith@example.com');
  });
  it('keeps dots and plus tags for non-Gmail providers', () => {
    expect(normaliseEmail('j.smith+bank@example.co.uk')).toBe('j.smith+bank@example.co.uk');
  });
  it('folds Gmail dots and plus tags', () => {
    expect(normaliseEmail('J.Smith+bank@googlemail.com')).toBe('jsmith@gmail.com');
  });
  it('rejects what is not an address', () => {
    expect(normaliseEmail('not an email')).toBeNull();
    expect(normaliseEmail('@example.com')).toBeNull();
    expect(normaliseEmail('a@')).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });
  it('de-duplicates lists', () => {
    expect(normaliseEmails(['A@x.com', 'a@x.com', null, 'b@x.com'])).toEqual(['a@x.com', 'b@x.com']);
  });
});

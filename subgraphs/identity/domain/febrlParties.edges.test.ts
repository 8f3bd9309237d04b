import { FEBRL_COLUMNS, parseFebrl, parseFebrlLine } from './febrlParties';

// Columns: rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id.
const line = (fields: Partial<Record<(typeof FEBRL_COLUMNS)[number], string>>): string => FEBRL_COLUMNS.map((c) => fields[c] ?? '').join(', ');
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('parseFebrlLine at its edges', () => {
  it.each([
    ['address_2', { address_2: 'brentwood vlge' }, { line1: null, line2: 'brentwood vlge', city: null, postalCode: null, country: 'AU' }],
    ['suburb', { suburb: 'penshurst' }, { line1: null, line2: null, city: 'penshurst', postalCode: null, country: 'AU' }],
    ['postcode', { postcode: '2257' }, { line1: null, line2: null, city: null, postalCode: '2257', country: 'AU' }],
    ['street name', { address_1: 'rupp place' }, { line1: 'rupp place', line2: null, city: null, postalCode: null, country: 'AU' }],
  ])('keeps an address holding only a %s', (_case, fields, address) => {
    expect(parseFebrlLine(line({ rec_id: 'rec-1-org', ...fields }), 0).party.address).toEqual(address);
  });

  it('has no address when every address field is empty', () => {
    expect(parseFebrlLine(line({ rec_id: 'rec-1-org', given_name: 'ann' }), 0).party.address).toBeNull();
  });

  it.each(['rec-1-dup-12', 'rec-123-org'])('reads the person of %s', (recId) => {
    expect(parseFebrlLine(line({ rec_id: recId }), 0).personId).toBe(recId.replace(/-(org|dup-\d+)$/, ''));
  });

  it.each(['xrec-1-org', 'rec-1-orgx', 'rec-1-dup-', 'rec--org'])('refuses the rec_id %s, naming the line only', (recId) => {
    expect(message(() => parseFebrlLine(line({ rec_id: recId }), 4, {}, 'f.csv'))).toBe('line has no rec_id of the form rec-N-org or rec-N-dup-K (f.csv:6)');
  });

  it('refuses a line with another number of fields, naming the line only', () => {
    expect(message(() => parseFebrlLine('rec-1-org, ann', 0, {}, 'f.csv'))).toBe('line has 2 fields, FEBRL has 11 (f.csv:2)');
  });
});

describe('parseFebrl at its edges', () => {
  it('refuses another header, naming the columns it wants', () => {
    expect(message(() => parseFebrl('id, name\n', {}, 'f.csv'))).toBe(
      'header is not the FEBRL columns rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id (f.csv:1)',
    );
  });

  it('skips blank lines, even ones holding spaces', () => {
    const text = [FEBRL_COLUMNS.join(', '), line({ rec_id: 'rec-1-org' }), '   ', line({ rec_id: 'rec-1-dup-0' })].join('\n');
    expect(parseFebrl(text).parties).toHaveLength(2);
  });
});

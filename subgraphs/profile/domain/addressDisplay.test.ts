import fc from 'fast-check';
import { displayFormOfAddress, displayFormOfAddressLine } from './addressDisplay';

describe('address display form', () => {
  // Written by hand: how the bank's letters address these customers.
  it.each([
    ['130 CHURCH STREET', '130 Church Street'],
    ['FLAT 23', 'Flat 23'],
    ['flat 4b', 'Flat 4B'],
    ['23A HIGH ST', '23A High St'],
    ['NEWCASTLE UPON TYNE', 'Newcastle upon Tyne'],
    ['STRATFORD-UPON-AVON', 'Stratford-upon-Avon'],
    ['THE OLD RECTORY', 'The Old Rectory'],
    ["O'CONNELL STREET", "O'Connell Street"],
    ["ST JOHN'S WOOD", "St John's Wood"],
    ['CASTLE STREET 97', 'Castle Street 97'],
    ['  KING   EDWARD  ROAD ', 'King Edward Road'],
    ['McAdam Way', 'McAdam Way'],
    ['ŁÓDŹ', 'Łódź'],
    ['', ''],
  ])('%j -> %j', (held, shown) => {
    expect(displayFormOfAddressLine(held)).toBe(shown);
  });

  it('keeps postcode and country in capitals and empty fields empty', () => {
    expect(displayFormOfAddress({ line1: '196 CASTLE STREET', line2: 'FLAT 23', city: 'LIVERPOOL', postalCode: 'l9  9fw', country: 'gb' })).toEqual({
      line1: '196 Castle Street',
      line2: 'Flat 23',
      city: 'Liverpool',
      postalCode: 'L9 9FW',
      country: 'GB',
    });
    expect(displayFormOfAddress({ line1: '1 HIGH STREET', line2: '   ', city: null, postalCode: null, country: null })).toEqual({
      line1: '1 High Street',
      line2: null,
      city: null,
      postalCode: null,
      country: null,
    });
  });

  // Pieces addresses are made of, in every case a system may hold them.
  const addressPieces = fc.constantFrom(...'abcehilmnorstuwyłéöABCEHILMNORSTUWYŁÉÖ0123456789'.split(''), ' ', '  ', '-', "'", 'UPON', 'upon', 'THE', 'of', 'FLAT ', '4b', '23A', 'ST ');
  const addressLike = fc.array(addressPieces, { maxLength: 30 }).map((parts) => parts.join(''));

  it('is idempotent, whatever the text (any Unicode)', () => {
    fc.assert(
      fc.property(fc.oneof(addressLike, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 })), (line) => {
        const shown = displayFormOfAddressLine(line);
        expect(displayFormOfAddressLine(shown)).toBe(shown);
      }),
    );
  });

  // Over address text: some letters elsewhere have no case round trip (ϐ -> Β -> β), which a
  // display form may change but this comparison could not tell from a changed letter.
  it('changes only case and spacing', () => {
    fc.assert(
      fc.property(addressLike, (line) => {
        const fold = (text: string) => text.toLowerCase().replace(/\s+/gu, '');
        expect(fold(displayFormOfAddressLine(line))).toBe(fold(line));
      }),
    );
  });
});

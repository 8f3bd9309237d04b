import { normaliseParty } from './normalisedParty';
import { decodePartyBatch, encodePartyBatch, type PartyBatch } from './partyBatchCodec';
import { party, ukAddress } from './partyFixtures';

const records = [
  party('CORE_BANKING', 'CB-000000000001', { givenName: 'Mary Jane', familyName: 'Smith', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['07700 900123', '020 7946 0000'], emails: ['m.smith@example.com'], address: ukAddress('Flat 2, 10 High Street', 'YO1 1AA', null, 'York') }),
  party('CARDS', 'C1', { givenName: 'Zoë', familyName: 'Łukasiewicz' }),
  party('ERP', 'E1'),
].map(normaliseParty);

function decode(batch: PartyBatch) {
  const out: ReturnType<typeof normaliseParty>[] = [];
  decodePartyBatch(batch, (r) => out.push(r));
  return out;
}

describe('the party batch codec', () => {
  it('gives back every record, every field, in order', () => {
    expect(decode(encodePartyBatch(records))).toEqual(records);
  });

  it('builds records with normaliseParty’s fields in normaliseParty’s order (one shape for both)', () => {
    for (const decoded of decode(encodePartyBatch(records))) expect(Object.keys(decoded)).toEqual(Object.keys(records[0]));
  });

  it('sends each record as 16 values', () => {
    expect(encodePartyBatch(records)).toHaveLength(48);
    expect(encodePartyBatch([])).toEqual([]);
  });

  it.each([
    ['a value missing', (b: PartyBatch) => b.slice(0, -1), 'wrong number of fields'],
    ['a key that is not text', (b: PartyBatch) => [null, ...b.slice(1)], 'not text'],
    ['a number for a name', (b: PartyBatch) => [b[0], b[1], 7 as unknown as string, ...b.slice(3)], 'not text'],
    ['an unknown system', (b: PartyBatch) => [b[0], 'NOWHERE', ...b.slice(2)], 'unknown system'],
  ])('refuses a batch with %s', (_case, spoil, message) => {
    const batch = spoil(encodePartyBatch(records.slice(0, 1)));
    expect(() => decode(batch)).toThrow(RangeError);
    expect(() => decode(batch)).toThrow(message);
  });
});

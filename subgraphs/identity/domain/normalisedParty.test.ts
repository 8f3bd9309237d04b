import { createBatchNormaliser, normaliseNationalId, normaliseParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

describe('normaliseParty', () => {
  it('normalises every field once', () => {
    const p = normaliseParty(
      party('CARDS', 'CH00000001', {
        rawName: 'MÜLLER/ZOË.MS',
        birthDate: '07/03/1980',
        phones: ['07700 900123', '+447700900123'],
        emails: [' Zoe.Muller@Example.com '],
        address: ukAddress('Flat 3, 12 High St', 'yo1 1aa'),
      }),
    );
    expect(p).toEqual({
      key: 'CARDS:CH00000001',
      system: 'CARDS',
      given: 'ZOE',
      givenFirst: 'ZOE',
      givenCanonical: [],
      family: 'MULLER',
      givenPhonetic: 'S',
      familyPhonetic: 'MLR',
      birthDate: '1980-03-07',
      nationalId: null,
      phones: ['+447700900123'],
      emails: ['zoe.muller@example.com'],
      postcode: 'YO11AA',
      houseNumber: '12',
      unit: '3',
      street: 'HIGHSTREET',
      locality: 'LONDON',
    });
  });

  it('compacts national ids', () => {
    expect(normaliseNationalId(' ab 12 34 56 c ')).toBe('AB123456C');
    expect(normaliseNationalId('n/a')).toBeNull();
    expect(normaliseNationalId(null)).toBeNull();
  });
});

describe('createBatchNormaliser', () => {
  // One person in three systems, the values typed three ways; and a different person.
  const records = [
    party('CORE_BANKING', 'C1', { givenName: 'Ann', familyName: 'Lee', phones: ['07700 900123'], emails: ['Ann.Lee@example.com'], address: ukAddress('1 High St', 'yo1 1aa') }),
    party('CARDS', 'H1', { rawName: 'LEE/ANN', phones: ['+44 7700 900123'], emails: [' ann.lee@EXAMPLE.com'], address: ukAddress('1 High Street', 'YO11AA') }),
    party('CALL_CENTER', 'K1', { givenName: 'Ann', familyName: 'Lee', phones: ['0044 7700 900123', '020 7946 0000'], address: ukAddress('1 High St', 'YO1 1AA') }),
    party('ERP', 'E1', { givenName: 'Bob', familyName: 'Roe', phones: ['07700 900456'], emails: ['bob@example.com'], address: ukAddress('2 Low St', 'YO2 2BB') }),
  ];

  it('gives each record what normaliseParty gives it', () => {
    const normalise = createBatchNormaliser();
    expect(records.map(normalise)).toEqual(records.map(normaliseParty));
  });

  // (The postcode is kept once too; JavaScript cannot tell two equal strings apart, so only the
  // lists' identity is observable here. The memory it saves is in BENCHMARKS.md.)
  it("keeps the lists one person's records repeat once per batch: the same list object", () => {
    const [core, cards, callCenter, erp] = records.map(createBatchNormaliser());
    expect(cards.phones).toBe(core.phones);
    expect(cards.emails).toBe(core.emails);
    expect(callCenter.phones).not.toBe(core.phones); // a different list: two numbers
    expect(callCenter.phones).toEqual(['+447700900123', '+442079460000']);
    expect(erp.phones).not.toBe(core.phones);
    expect(callCenter.emails).toEqual([]);
  });

  it('shares nothing between batches, nor in the one-record normaliser', () => {
    const one = normaliseParty(records[0]);
    const other = normaliseParty(records[1]);
    expect(other.phones).not.toBe(one.phones);
    expect(createBatchNormaliser()(records[1]).phones).not.toBe(createBatchNormaliser()(records[0]).phones);
  });
});

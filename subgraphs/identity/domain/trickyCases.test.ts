/**
 * Hand-built cases of the noise real systems carry, each resolved end to end (normalise, block,
 * score with the default model, cluster). Every case sits in one population so the cases can
 * also disturb each other.
 *
 * What the model cannot settle from a small population is not asserted here but documented
 * (docs/matching.md, "Known limits"): a household sharing landline, address and surname, or
 * namesakes born the same day whose national ids differ, need a population large enough to show
 * that a true match almost never has a wholly different birth date or national id.
 */
import { party, ukAddress } from './partyFixtures';
import { resolveParties } from './resolveParties';

const population = [
  // Nickname: Bill is William; the call center typed the phone in national format.
  party('CORE_BANKING', '1000000001', { givenName: 'William', familyName: 'Hartley', birthDate: '1970-01-15', nationalId: 'AB123456C', phones: ['+447700900101'], emails: ['w.hartley@example.com'], address: ukAddress('12 High Street', 'SW1A 1AA') }),
  party('CALL_CENTER', 'C000000001', { givenName: 'Bill', familyName: 'Hartley', phones: ['07700 900101'] }),
  // Swapped given and family names in ERP, same email in another case.
  party('CORE_BANKING', '1000000002', { givenName: 'Mary', familyName: 'Okafor', birthDate: '1985-06-30', nationalId: 'AB223456C', phones: ['+447700900102'], emails: ['mary.okafor@example.com'], address: ukAddress('4 Station Rd', 'M1 2AB') }),
  party('ERP', '1000000102', { givenName: 'Okafor', familyName: 'Mary', emails: ['Mary.Okafor@Example.com'], address: ukAddress('Station Road 4', 'M1 2AB') }),
  // Typo in the family name on the card, track-1 form.
  party('CORE_BANKING', '1000000003', { givenName: 'Katherine', familyName: 'Walker', birthDate: '1990-11-02', nationalId: 'AB323456C', phones: ['+447700900103'], emails: ['kwalker@example.org'] }),
  party('CARDS', 'CH00000003', { rawName: 'WALKRE/KATHERINE', birthDate: '1990-11-02', emails: ['kwalker@example.org'] }),
  // Diacritics and case.
  party('CORE_BANKING', '1000000004', { givenName: 'Zoë', familyName: 'Müller', birthDate: '1979-04-04', nationalId: 'AB423456C', phones: ['+447700900104'] }),
  party('CALL_CENTER', 'C000000004', { givenName: 'ZOE', familyName: 'MULLER', phones: ['+44 7700 900104'] }),
  // Long name truncated to an initial on the card.
  party('CORE_BANKING', '1000000005', { givenName: 'Charlotte', familyName: 'Featherstonehaugh', birthDate: '1966-08-19', nationalId: 'AB523456C', emails: ['cf@example.net'] }),
  party('CARDS', 'CH00000005', { rawName: 'FEATHERSTONEHAUGH/C', birthDate: '1966-08-19', emails: ['cf@example.net'] }),
  // Out-of-date email in ERP, phone still current.
  party('CORE_BANKING', '1000000006', { givenName: 'Oliver', familyName: 'Grant', birthDate: '1992-02-29', nationalId: 'AB623456C', phones: ['+447700900106'], emails: ['oliver.grant@new.example'] }),
  party('ERP', '1000000106', { givenName: 'Oliver', familyName: 'Grant', phones: ['07700-900-106'], emails: ['ogrant@oldmail.example'] }),
  // A duplicate CIF of one person (the same national id, typed differently).
  party('CORE_BANKING', '1000000007', { givenName: 'Ravi', familyName: 'Shah', birthDate: '2000-05-05', nationalId: 'AB723456C', phones: ['+447700900107'] }),
  party('CORE_BANKING', '1000000077', { givenName: 'Ravi', familyName: 'Shah', birthDate: '2000-05-05', nationalId: 'ab 72 34 56 c' }),
  // A duplicate CIF whose national id carries a keying error (two digits swapped) and an older phone.
  party('CORE_BANKING', '1000000008', { givenName: 'Priya', familyName: 'Nair', birthDate: '1971-10-21', nationalId: 'AC923456D', phones: ['+447700900108'], address: ukAddress('7 Oak Close', 'BS1 4QT') }),
  party('CORE_BANKING', '1000000088', { givenName: 'Priya', familyName: 'Nair', birthDate: '1971-10-21', nationalId: 'AC932456D', phones: ['+447700900188'], address: ukAddress('7 Oak Close', 'BS1 4QT') }),
  // A card whose birth date was keyed as another date entirely; email and phone still shared.
  party('CORE_BANKING', '1000000012', { givenName: 'Hannah', familyName: 'Begum', birthDate: '1983-02-14', nationalId: 'AD123456A', phones: ['+447700900112'], emails: ['hannah.begum@example.com'] }),
  party('CARDS', 'CH00000012', { rawName: 'BEGUM/HANNAH', birthDate: '1938-12-04', phones: ['07700 900112'], emails: ['hannah.begum@example.com'] }),
  // Jane Smith's own records in three systems.
  party('CORE_BANKING', '1000000010', { givenName: 'Jane', familyName: 'Smith', birthDate: '1962-07-07', nationalId: 'AC123456C', phones: ['020 7946 0000'], emails: ['jane.smith@example.com'], address: ukAddress('1 Elm Grove', 'LS1 1AA') }),
  party('CALL_CENTER', 'C000000010', { givenName: 'Jane', familyName: 'Smith', phones: ['+442079460000'] }),
  party('ERP', '1000000110', { givenName: 'Jane', familyName: 'Smith', phones: ['02079460000'], address: ukAddress('Elm Grove 1', 'LS1 1AA') }),
  // Another Jane Smith in the same town: nothing personal in common.
  party('CORE_BANKING', '1000000014', { givenName: 'Jane', familyName: 'Smith', birthDate: '1988-03-30', nationalId: 'AE654321B', phones: ['+447700900114'], emails: ['jsmith88@example.net'], address: ukAddress('40 Kings Road', 'LS2 7HY') }),
  // A John Smith with his own phone, email and address.
  party('CORE_BANKING', '1000000009', { givenName: 'John', familyName: 'Smith', birthDate: '1960-03-03', nationalId: 'AB923456C', phones: ['+447700900109'], emails: ['john.smith@example.com'], address: ukAddress('5 Mill Lane', 'LS1 2BB') }),
  // Two John Smiths with nothing else in common stay apart; the card goes to the right one.
  party('CORE_BANKING', '1000000013', { givenName: 'John', familyName: 'Smith', birthDate: '1975-12-12', nationalId: 'AC223456C', phones: ['+447700900113'], emails: ['js75@example.com'] }),
  party('CARDS', 'CH00000013', { rawName: 'SMITH/JOHN', birthDate: '1975-12-12', emails: ['js75@example.com'] }),
];

const { clusters } = resolveParties(population);
const clusterOf = (localId: string): string => {
  const found = clusters.find((c) => c.members.some((m) => m.localId === localId));
  if (!found) throw new Error(`no cluster holds ${localId}`);
  return found.customerId;
};

describe('tricky cases', () => {
  it.each([
    ['nickname', '1000000001', 'C000000001'],
    ['swapped names', '1000000002', '1000000102'],
    ['typo on the card', '1000000003', 'CH00000003'],
    ['diacritics and case', '1000000004', 'C000000004'],
    ['truncated track-1 name', '1000000005', 'CH00000005'],
    ['out-of-date email', '1000000006', '1000000106'],
    ['duplicate CIF with the same national id', '1000000007', '1000000077'],
    ['duplicate CIF with a national id typo', '1000000008', '1000000088'],
    ['card with a wholly different birth date', '1000000012', 'CH00000012'],
    ['call-center record with its owner', '1000000010', 'C000000010'],
    ['ERP record with its owner (street number last)', '1000000010', '1000000110'],
    ['card to the right namesake', '1000000013', 'CH00000013'],
  ])('%s: merged', (_case, a, b) => {
    expect(clusterOf(a)).toBe(clusterOf(b));
  });

  it.each([
    ['namesakes born in other years', '1000000009', '1000000013'],
    ['namesakes in the same town', '1000000010', '1000000014'],
    ['the other namesake’s call-center record', '1000000014', 'C000000010'],
    ['John and Jane Smith', '1000000009', '1000000010'],
  ])('%s: kept apart', (_case, a, b) => {
    expect(clusterOf(a)).not.toBe(clusterOf(b));
  });

  it('puts every record in exactly one cluster', () => {
    const members = clusters.flatMap((c) => c.members.map((m) => m.localId));
    expect(members.sort()).toEqual(population.map((p) => p.localId).sort());
  });
});

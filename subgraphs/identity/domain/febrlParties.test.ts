import { MatchInputError } from './matchErrors';
import { FEBRL_COLUMNS, parseFebrl, parseFebrlLine } from './febrlParties';

const HEADER = FEBRL_COLUMNS.join(', ');
const FILE = [
  HEADER,
  'rec-10-org, mikhayla, hannagan, 20, rupp place, brentwood vlge, penshurst, 2257, vic, 19770501, 1030769',
  'rec-10-dup-0, hannagan, mikhayla, 20, rupp lace, brentwoo dvlge, penshurst, 2283, vic, 19770501, 1030769',
  'rec-11-org, , waller, , , , st james, 4011, wa, , 6988048',
  'rec-10-dup-1, mikhvyla, hannagan, 20, windradyen street, brentwood vlge, penshurst, 2257, vic, 19770501, 1030769',
  'rec-12-org, ann, , , , , , , , , ',
  '',
].join('\n');

describe('parseFebrl', () => {
  const { parties, truth } = parseFebrl(FILE);

  it('maps each record onto a source party, systems round-robin', () => {
    expect(parties[0]).toEqual({
      system: 'CORE_BANKING',
      localId: '0000000001',
      givenName: 'mikhayla',
      familyName: 'hannagan',
      rawName: null,
      birthDate: '19770501',
      nationalId: '1030769',
      phones: [],
      emails: [],
      address: { line1: '20 rupp place', line2: 'brentwood vlge', city: 'penshurst', postalCode: '2257', country: 'AU' },
      changedAt: null,
    });
    expect(parties.map((p) => `${p.system}:${p.localId}`)).toEqual(['CORE_BANKING:0000000001', 'CARDS:CH00000002', 'ERP:1000000003', 'CALL_CENTER:C000000004', 'CORE_BANKING:0000000005']);
  });

  it('keeps empty fields null and leaves out an address with nothing in it', () => {
    expect(parties[2]).toMatchObject({ givenName: null, familyName: 'waller', birthDate: null, address: { line1: null, line2: null, city: 'st james', postalCode: '4011' } });
    expect(parties[4]).toMatchObject({ givenName: 'ann', familyName: null, nationalId: null, address: null });
  });

  it('never shows the rec_id (it carries the truth) to the matcher', () => {
    expect(JSON.stringify(parties)).not.toContain('rec-');
  });

  it('groups records of one rec-N into one truth person', () => {
    expect(truth).toEqual([
      { personId: 'rec-10', keys: { cifs: ['0000000001'], cardholderIds: ['CH00000002'], partnerIds: [], contactIds: ['C000000004'], borrowerIds: [] } },
      { personId: 'rec-11', keys: { cifs: [], cardholderIds: [], partnerIds: ['1000000003'], contactIds: [], borrowerIds: [] } },
      { personId: 'rec-12', keys: { cifs: ['0000000005'], cardholderIds: [], partnerIds: [], contactIds: [], borrowerIds: [] } },
    ]);
  });

  it('drops the national id column on request', () => {
    expect(parseFebrl(FILE, { withoutNationalId: true }).parties.every((p) => p.nationalId === null)).toBe(true);
  });

  it.each([
    ['a wrong header', 'id, name\nrec-1-org, ann'],
    ['a line with too few fields', `${HEADER}\nrec-1-org, ann, lee`],
    ['a line without a rec_id', `${HEADER}\nperson-1, ann, lee, 1, a st, , town, 2000, nsw, 19800101, 1234567`],
  ])('refuses %s, naming the line but not its content', (_case, text) => {
    expect(() => parseFebrl(text, {}, 'data.csv')).toThrow(MatchInputError);
    try {
      parseFebrl(text, {}, 'data.csv');
    } catch (error) {
      expect((error as Error).message).toMatch(/data\.csv:\d/);
      expect((error as Error).message).not.toContain('ann');
    }
  });

  it('parses one line with its position', () => {
    expect(parseFebrlLine('rec-7-dup-2, a, b, 1, c, d, e, 2000, nsw, 19800101, 1234567', 6).party.system).toBe('ERP');
  });
});

import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { computeGoldenProfile, type GoldenProfile } from './goldenProfile';

/**
 * The bank's survivorship examples, written out by hand: for each field, records from systems
 * that disagree, the value the graph serves, the rule it names and the record it cites. The
 * expectations come from the policy as the data stewards state it (survivorshipPolicy.ts and
 * docs/golden-profile.md), never from the functions under test:
 * - name, birth date, national id: the KYC'd core-banking record first, then cards, ERP, call
 *   center; a nickname steps aside for the legal form; then the most complete name;
 * - email and mobile: the most recently changed record, then the value most records agree on,
 *   then call center, core banking, cards, ERP;
 * - address: the most recent record's whole address, then the most complete, then the KYC order.
 */

const OLD = '2020-01-01T00:00:00.000Z';
const MID = '2023-06-01T00:00:00.000Z';
const NEW = '2026-01-01T00:00:00.000Z';

const record = (system: SourceSystem, localId: string, changedAt: string | null, over: Partial<SourceParty>): SourceParty => ({
  system, localId, givenName: null, familyName: null, rawName: null, birthDate: null, nationalId: null,
  phones: [], emails: [], address: null, changedAt, ...over,
});

const address = (line1: string | null, line2: string | null, city: string | null, postalCode: string | null, country: string | null) => ({ line1, line2, city, postalCode, country });

type Field = keyof GoldenProfile;

interface Example {
  example: string;
  field: Field;
  records: SourceParty[];
  served: unknown;
  rule: string;
  /** The record the served value is cited from: system and local id. */
  source: [SourceSystem, string] | null;
  conflict: boolean;
}

const EXAMPLES: Example[] = [
  // Names: KYC order, nickname, completeness.
  {
    example: 'core banking and cards spell the given name differently: the KYC record wins',
    field: 'fullName',
    records: [record('CARDS', 'CH1', NEW, { rawName: 'WRIGHT/SOPHIA' }), record('CORE_BANKING', 'CIF1', OLD, { givenName: 'SOPHIE', familyName: 'WRIGHT' })],
    served: 'Sophie Wright', rule: 'SOURCE_PRIORITY', source: ['CORE_BANKING', 'CIF1'], conflict: true,
  },
  {
    example: 'no core-banking record: cards before ERP and the call center',
    field: 'fullName',
    records: [
      record('CALL_CENTER', 'C1', NEW, { givenName: 'Jonathan', familyName: 'Smyth' }),
      record('ERP', 'P1', NEW, { givenName: 'Jonathon', familyName: 'Smith' }),
      record('CARDS', 'CH1', OLD, { rawName: 'SMITH/JONATHAN' }),
    ],
    served: 'Jonathan Smith', rule: 'SOURCE_PRIORITY', source: ['CARDS', 'CH1'], conflict: true,
  },
  {
    example: 'call center RICK SHAH beside Richard Shah: the legal form, cited from the most trusted system holding it',
    field: 'fullName',
    records: [
      record('CALL_CENTER', 'C1', NEW, { givenName: 'RICK', familyName: 'SHAH' }),
      record('ERP', 'P1', OLD, { givenName: 'Richard', familyName: 'Shah' }),
      record('CARDS', 'CH1', OLD, { rawName: 'SHAH/RICHARD' }),
    ],
    served: 'Richard Shah', rule: 'LEGAL_NAME_OVER_NICKNAME', source: ['CARDS', 'CH1'], conflict: true,
  },
  {
    example: 'the nickname in the KYC record itself still steps aside',
    field: 'fullName',
    records: [record('CORE_BANKING', 'CIF1', NEW, { givenName: 'BILL', familyName: 'JONES' }), record('ERP', 'P1', OLD, { givenName: 'William', familyName: 'Jones' })],
    served: 'William Jones', rule: 'LEGAL_NAME_OVER_NICKNAME', source: ['ERP', 'P1'], conflict: true,
  },
  {
    example: 'two core-banking records, one with the family name only: the more complete name',
    field: 'fullName',
    records: [record('CORE_BANKING', 'CIF1', NEW, { familyName: 'PATEL' }), record('CORE_BANKING', 'CIF2', OLD, { givenName: 'ANIKA', familyName: 'PATEL' })],
    served: 'Anika Patel', rule: 'MOST_COMPLETE', source: ['CORE_BANKING', 'CIF2'], conflict: true,
  },
  {
    example: 'the KYC name holds a code-page ?: the next system in the KYC order',
    field: 'fullName',
    records: [
      record('CORE_BANKING', 'CIF1', OLD, { givenName: 'ZO?', familyName: 'BRONTE' }),
      record('ERP', 'P1', NEW, { givenName: 'Zoë', familyName: 'Bronte' }),
      record('CALL_CENTER', 'C1', NEW, { givenName: 'Zoe', familyName: 'Brontë' }),
    ],
    served: 'Zoë Bronte', rule: 'UNANIMOUS', source: ['ERP', 'P1'], conflict: true,
  },

  // Birth date: KYC order, then the value most records agree on.
  {
    example: 'cards changed more recently, core banking is KYC\'d: the core-banking date',
    field: 'birthDate',
    records: [record('CARDS', 'CH1', NEW, { birthDate: '1980-05-10' }), record('CORE_BANKING', 'CIF1', OLD, { birthDate: '1980-05-01' })],
    served: '1980-05-01', rule: 'SOURCE_PRIORITY', source: ['CORE_BANKING', 'CIF1'], conflict: true,
  },
  {
    example: 'ERP and the call center agree against cards: cards still wins (source priority comes first)',
    field: 'birthDate',
    records: [
      record('ERP', 'P1', NEW, { birthDate: '1975-12-31' }),
      record('CALL_CENTER', 'C1', NEW, { birthDate: '1975-12-31' }),
      record('CARDS', 'CH1', OLD, { birthDate: '1975-12-13' }),
    ],
    served: '1975-12-13', rule: 'SOURCE_PRIORITY', source: ['CARDS', 'CH1'], conflict: true,
  },
  {
    example: 'three core-banking records, two agree: the date most of them hold, cited from the latest of the two',
    field: 'birthDate',
    records: [
      record('CORE_BANKING', 'CIF1', OLD, { birthDate: '1990-02-01' }),
      record('CORE_BANKING', 'CIF2', NEW, { birthDate: '1990-01-02' }),
      record('CORE_BANKING', 'CIF3', MID, { birthDate: '1990-02-01' }),
    ],
    served: '1990-02-01', rule: 'MOST_FREQUENT', source: ['CORE_BANKING', 'CIF3'], conflict: true,
  },

  // National id: KYC order only; spacing and case are not a disagreement.
  {
    example: 'ERP holds another national id: the core-banking one',
    field: 'nationalId',
    records: [record('ERP', 'P1', NEW, { nationalId: 'QQ123456D' }), record('CORE_BANKING', 'CIF1', OLD, { nationalId: 'QQ 12 34 56 C' })],
    served: 'QQ 12 34 56 C', rule: 'SOURCE_PRIORITY', source: ['CORE_BANKING', 'CIF1'], conflict: true,
  },
  {
    example: 'the same national id spaced and in lower case: no conflict, the KYC record cited',
    field: 'nationalId',
    records: [record('CALL_CENTER', 'C1', NEW, { nationalId: 'qq123456c' }), record('CORE_BANKING', 'CIF1', OLD, { nationalId: 'QQ 12 34 56 C' })],
    served: 'QQ 12 34 56 C', rule: 'UNANIMOUS', source: ['CORE_BANKING', 'CIF1'], conflict: false,
  },

  // Email: most recent, then most frequent, then the contact order; served lower case.
  {
    example: 'the call center took a new email last: the most recent, in lower case',
    field: 'email',
    records: [record('CORE_BANKING', 'CIF1', OLD, { emails: ['ann@old.example'] }), record('CALL_CENTER', 'C1', NEW, { emails: ['Ann@New.Example'] })],
    served: 'ann@new.example', rule: 'MOST_RECENT', source: ['CALL_CENTER', 'C1'], conflict: true,
  },
  {
    example: 'a record that does not say when it changed loses to one that does',
    field: 'email',
    records: [record('CALL_CENTER', 'C1', null, { emails: ['ann@undated.example'] }), record('ERP', 'P1', OLD, { emails: ['ann@dated.example'] })],
    served: 'ann@dated.example', rule: 'MOST_RECENT', source: ['ERP', 'P1'], conflict: true,
  },
  {
    example: 'changed at the same time, two of three systems agree: their email, from cards before ERP',
    field: 'email',
    records: [
      record('CORE_BANKING', 'CIF1', NEW, { emails: ['a@x.example'] }),
      record('ERP', 'P1', NEW, { emails: ['B@X.example'] }),
      record('CARDS', 'CH1', NEW, { emails: ['b@x.example'] }),
    ],
    served: 'b@x.example', rule: 'MOST_FREQUENT', source: ['CARDS', 'CH1'], conflict: true,
  },
  {
    example: 'changed at the same time, no majority: the call center first for contact data',
    field: 'email',
    records: [record('CORE_BANKING', 'CIF1', NEW, { emails: ['a@x.example'] }), record('CALL_CENTER', 'C1', NEW, { emails: ['c@x.example'] })],
    served: 'c@x.example', rule: 'SOURCE_PRIORITY', source: ['CALL_CENTER', 'C1'], conflict: true,
  },
  {
    example: 'one record with two emails and nothing to tell them apart: the stable order chooses',
    field: 'email',
    records: [record('CORE_BANKING', 'CIF1', NEW, { emails: ['zed@x.example', 'amy@x.example'] })],
    served: 'amy@x.example', rule: 'TIE_BREAK', source: ['CORE_BANKING', 'CIF1'], conflict: true,
  },

  // Mobile: like email; served in E.164.
  {
    example: 'cards changed the mobile last: the most recent, in E.164',
    field: 'mobilePhone',
    records: [record('CORE_BANKING', 'CIF1', OLD, { phones: ['07700 900123'] }), record('CARDS', 'CH1', NEW, { phones: ['+44 7700 900124'] })],
    served: '+447700900124', rule: 'MOST_RECENT', source: ['CARDS', 'CH1'], conflict: true,
  },
  {
    example: 'the same number written two ways agrees, and outvotes the third',
    field: 'mobilePhone',
    records: [
      record('CALL_CENTER', 'C1', MID, { phones: ['07700 900999'] }),
      record('ERP', 'P1', MID, { phones: ['+44-7700-900123'] }),
      record('CORE_BANKING', 'CIF1', MID, { phones: ['07700900123'] }),
    ],
    served: '+447700900123', rule: 'MOST_FREQUENT', source: ['CORE_BANKING', 'CIF1'], conflict: true,
  },

  // Address: whole from the most recent record, then the most complete, then the KYC order.
  {
    example: 'moved house: the most recent record\'s address, whole, in display form',
    field: 'address',
    records: [
      record('CORE_BANKING', 'CIF1', OLD, { address: address('1 HIGH ST', null, 'LONDON', 'SW1A 1AA', 'GB') }),
      record('CARDS', 'CH1', NEW, { address: address('9 OTHER ROAD', 'FLAT 2', 'LEEDS', 'ls1  1aa', 'gb') }),
    ],
    served: address('9 Other Road', 'Flat 2', 'Leeds', 'LS1 1AA', 'GB'), rule: 'MOST_RECENT', source: ['CARDS', 'CH1'], conflict: true,
  },
  {
    example: 'changed at the same time: the address with more parts filled',
    field: 'address',
    records: [
      record('CORE_BANKING', 'CIF1', MID, { address: address('1 High St', null, 'London', 'SW1A 1AA', null) }),
      record('ERP', 'P1', MID, { address: address('2 Low Road', 'Flat 3', 'York', 'YO1 7HH', 'GB') }),
    ],
    served: address('2 Low Road', 'Flat 3', 'York', 'YO1 7HH', 'GB'), rule: 'MOST_COMPLETE', source: ['ERP', 'P1'], conflict: true,
  },
  {
    example: 'same time, as complete: the KYC record\'s address',
    field: 'address',
    records: [
      record('CALL_CENTER', 'C1', MID, { address: address('5 Mill Lane', null, 'Bath', 'BA1 1AA', 'GB') }),
      record('CORE_BANKING', 'CIF1', MID, { address: address('7 Mill Lane', null, 'Bath', 'BA1 1AA', 'GB') }),
    ],
    served: address('7 Mill Lane', null, 'Bath', 'BA1 1AA', 'GB'), rule: 'SOURCE_PRIORITY', source: ['CORE_BANKING', 'CIF1'], conflict: true,
  },
  {
    example: 'ERP writes the house number last: the same address, no conflict, the KYC record cited',
    field: 'address',
    records: [
      record('ERP', 'P1', NEW, { address: address('Castle Street 97', null, 'Cardiff', 'CF10 1BH', 'GB') }),
      record('CORE_BANKING', 'CIF1', NEW, { address: address('97 CASTLE STREET', null, 'CARDIFF', 'CF10 1BH', 'GB') }),
    ],
    served: address('97 Castle Street', null, 'Cardiff', 'CF10 1BH', 'GB'), rule: 'UNANIMOUS', source: ['CORE_BANKING', 'CIF1'], conflict: false,
  },
];

describe('the bank\'s survivorship examples', () => {
  it.each(EXAMPLES)('$field: $example', ({ field, records, served, rule, source, conflict }) => {
    const golden = computeGoldenProfile(records)[field];
    expect(golden.value).toEqual(served);
    expect(golden.rule).toBe(rule);
    expect(golden.source ? [golden.source.system, golden.source.localId] : null).toEqual(source);
    expect(golden.conflict).toBe(conflict);
  });

  it('gives the same answer whatever order the systems answer in', () => {
    for (const { field, records, served, source } of EXAMPLES) {
      const golden = computeGoldenProfile([...records].reverse())[field];
      expect([golden.value, golden.source && [golden.source.system, golden.source.localId]]).toEqual([served, source]);
    }
  });
});

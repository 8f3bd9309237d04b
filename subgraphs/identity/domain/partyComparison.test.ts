import { DEFAULT_MATCH_CONFIG as config } from './matchConfig';
import { normaliseParty } from './normalisedParty';
import { party } from './partyFixtures';
import { classifyPair, comparePair } from './partyComparison';

const cb = (fields: Parameters<typeof party>[2]) => normaliseParty(party('CORE_BANKING', String(Math.random()), fields));
const cc = (fields: Parameters<typeof party>[2]) => normaliseParty(party('CALL_CENTER', String(Math.random()), fields));

describe('deterministic rules', () => {
  it('links the same national id whatever else differs', () => {
    const { strength } = classifyPair(cb({ nationalId: 'AB123456C', givenName: 'A' }), cb({ nationalId: 'ab123456c', givenName: 'Z' }), config);
    expect(strength).toBe('strong');
  });
  it('never links different national ids', () => {
    const same = { givenName: 'Ravi', familyName: 'Shah', birthDate: '2000-01-01', phones: ['07700900001'] };
    expect(classifyPair(cb({ ...same, nationalId: 'AB123456C' }), cb({ ...same, nationalId: 'AB123456D' }), config).strength).toBe('conflict');
  });
  it('links a shared email with a near given name (a keying error)', () => {
    expect(classifyPair(cb({ givenName: 'Paul', familyName: 'Jager', emails: ['pj@example.com'] }), cc({ givenName: 'Pavl', familyName: 'Jager', emails: ['PJ@example.com'] }), config).strength).toBe('strong');
  });
  it('links a shared phone with a compatible name', () => {
    expect(classifyPair(cb({ givenName: 'William', familyName: 'Ward', phones: ['+447700900001'] }), cc({ givenName: 'Bill', familyName: 'Ward', phones: ['07700 900001'] }), config).strength).toBe('strong');
  });
  it('does not link a shared phone across different given names (household)', () => {
    const a = cb({ givenName: 'John', familyName: 'Smith', phones: ['+447700900001'] });
    expect(classifyPair(a, cc({ givenName: 'Jane', familyName: 'Smith', phones: ['07700 900001'] }), config).strength).toBe('none');
    expect(classifyPair(a, cc({ givenName: 'Joan', familyName: 'Smith', phones: ['07700 900001'] }), config).strength).toBe('none');
  });
  it('does not link a shared phone when birth dates contradict', () => {
    const a = cb({ givenName: 'John', familyName: 'Smith', birthDate: '1960-01-01', phones: ['+447700900001'] });
    const b = cb({ givenName: 'John', familyName: 'Smith', birthDate: '1990-06-06', phones: ['+447700900001'] });
    expect(classifyPair(a, b, config).strength).not.toBe('strong');
  });
});

describe('scored evidence', () => {
  it('keeps namesakes with one birth date but contradicting contacts at most weak', () => {
    const a = cb({ givenName: 'Ted', familyName: 'Ward', birthDate: '1976-07-27', phones: ['+447700900001'], emails: ['t1@x.com'], address: { line1: '1 A Rd', line2: null, city: null, postalCode: 'BN2 3SW', country: 'GB' } });
    const b = cb({ givenName: 'Theodore', familyName: 'Ward', birthDate: '1976-07-27', phones: ['+447700900002'], emails: ['t2@x.com'], address: { line1: '9 B Rd', line2: null, city: null, postalCode: 'BT2 7JG', country: 'GB' } });
    const { strength, evidence } = classifyPair(a, b, config);
    expect(evidence.score).toBeGreaterThanOrEqual(config.strongThreshold);
    expect(strength).toBe('weak');
  });

  it('adds field weights', () => {
    const a = cb({ givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-01' });
    const b = cb({ givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-01' });
    const e = comparePair(a, b, config);
    expect(e.score).toBe(config.weights.givenSame + config.weights.familySame + config.weights.birthDateSame);
    expect(classifyPair(a, b, config).strength).toBe('strong');
  });
  it('leaves a name-only agreement below the weak threshold', () => {
    const e = classifyPair(cb({ givenName: 'Ann', familyName: 'Lee', emails: ['a@x.com'] }), cc({ givenName: 'Ann', familyName: 'Lee', emails: ['b@x.com'] }), config);
    expect(e.strength).toBe('none');
  });
  it('links name and the same full address', () => {
    const address = { line1: '1 Mill Lane', line2: null, city: 'York', postalCode: 'YO1 1AA', country: 'GB' };
    const e = classifyPair(cb({ givenName: 'Ann', familyName: 'Lee', address }), normaliseParty(party('ERP', '1', { givenName: 'Ann', familyName: 'Lee', address: { ...address, line1: 'Mill Ln 1' } })), config);
    expect(e.evidence.address).toBe('same');
    expect(e.strength).toBe('strong');
  });
});

import { createHash } from 'node:crypto';
import type { SourceParty } from '../../../adapters/canonical';
import { blockingKeys, normaliseParty } from '../matcherApi';

/**
 * Probe records covering every field blocking may use. Their keys, hashed, fingerprint the
 * blocking rules in force: when the matcher's rules change, the fingerprint changes and the
 * stored keys are rebuilt (store/reindex.ts) before any change is matched with them.
 */
const PROBES: SourceParty[] = [
  {
    system: 'CORE_BANKING', localId: '0000000001', givenName: 'Mary Ann', familyName: "O'Neill", rawName: null, birthDate: '1980-02-29',
    nationalId: 'AB 12 34 56 C', phones: ['07700 900123', '+44 20 7946 0000'], emails: ['Mary.ONeill+bank@Example.com', 'm.oneill@gmail.com'],
    address: { line1: 'Flat 2, 10 St John\'s Road', line2: null, city: 'London', postalCode: 'sw1a 1aa', country: 'GB' }, changedAt: null,
  },
  {
    system: 'CARDS', localId: 'CH00000001', givenName: null, familyName: null, rawName: 'SMITH/J.MR', birthDate: '19751231',
    nationalId: null, phones: ['+447700900999'], emails: [], address: { line1: '1 High St', line2: 'Apt 4', city: null, postalCode: 'M1 1AE', country: 'GB' }, changedAt: null,
  },
  {
    system: 'ERP', localId: '1000000001', givenName: 'Bill', familyName: 'Jones-Évans', rawName: null, birthDate: '01/02/1990',
    nationalId: null, phones: [], emails: ['BILL@EXAMPLE.ORG'], address: null, changedAt: null,
  },
  {
    system: 'CALL_CENTER', localId: 'C000000001', givenName: 'Zoë', familyName: 'Li', rawName: null, birthDate: null,
    nationalId: null, phones: ['(0161) 496 0000'], emails: [], address: { line1: null, line2: null, city: 'Leeds', postalCode: 'LS1 4AP', country: 'GB' }, changedAt: null,
  },
];

export function blockingRulesFingerprint(): string {
  const keys = PROBES.map((p) => blockingKeys(normaliseParty(p)).join('\u0001')).join('\u0002');
  return createHash('sha256').update(keys).digest('hex').slice(0, 16);
}

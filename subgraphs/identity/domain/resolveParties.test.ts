import { DEFAULT_MATCH_CONFIG } from './matchConfig';
import { normaliseParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';
import { dedupeAndSort, runLinkage, runLinkageForEvaluation } from './resolveParties';
import { NO_OVERRIDES } from './stewardOverrides';

// One person in two systems, and a stranger: small enough to reason about by hand.
const records = dedupeAndSort(
  [
    party('CORE_BANKING', 'CIF1', { givenName: 'Amelia', familyName: 'Hartley', birthDate: '1984-03-12', emails: ['amelia.hartley@example.com'], address: ukAddress('12 Mill Lane', 'LS1 4AB') }),
    party('CARDS', 'CH1', { givenName: 'Amelia', familyName: 'Hartley', birthDate: '1984-03-12', emails: ['amelia.hartley@example.com'], address: ukAddress('12 Mill Lane', 'LS1 4AB') }),
    party('ERP', 'P9', { givenName: 'Tobias', familyName: 'Quennell', birthDate: '1951-11-30', address: ukAddress('3 Orchard Row', 'EX4 9QT') }),
  ].map(normaliseParty),
);
const indexOf = (key: string) => records.findIndex((r) => r.key === key);

describe('runLinkage', () => {
  it('does not keep the blocking index past scoring (the matcher frees it before clustering)', () => {
    const run = runLinkage(records, DEFAULT_MATCH_CONFIG, NO_OVERRIDES);
    expect('blocking' in run && run.blocking !== undefined).toBe(false);
    expect(run.groups).toHaveLength(2);
  });

  it('keeps it for evaluation, where it tells which pairs were compared', () => {
    const run = runLinkageForEvaluation(records, DEFAULT_MATCH_CONFIG, NO_OVERRIDES);
    const amelia = [indexOf('CORE_BANKING:CIF1'), indexOf('CARDS:CH1')];
    const tobias = indexOf('ERP:P9');
    expect(amelia).not.toContain(-1);
    expect(run.blocking.compared(amelia[0], amelia[1])).toBe(true);
    expect(run.blocking.compared(amelia[0], tobias)).toBe(false);
    expect(run.groups).toHaveLength(2);
  });
});

import type { AdvisorRecord, ContactRecord } from '../dataset/records';

/**
 * A small, hand-made call-center population for tests (simulator and adapter contract tests):
 * two contacts share one number typed in two formats, one has a null name, one has cases.
 */
export function callCenterFixtures(): { contacts: ContactRecord[]; advisors: AdvisorRecord[] } {
  const contacts: ContactRecord[] = [
    {
      contactId: 'C000000001',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '07700 900123',
      email: 'ada@example.test',
      advisorId: 'A0001',
      changedAt: '2026-10-01T09:00:00.000Z',
      interactions: [
        { interactionId: 'I000000001', channel: 'CALL', occurredAt: '2026-09-01T10:00:00.000Z', summary: 'Asked about <fees> & charges' },
        { interactionId: 'I000000002', channel: 'EMAIL', occurredAt: '2026-09-05T11:00:00.000Z', summary: 'Sent statement' },
      ],
      cases: [
        { caseId: 'K000000001', subject: 'Card fee complaint', status: 'OPEN', openedAt: '2026-09-02T08:00:00.000Z', closedAt: null },
        { caseId: 'K000000002', subject: 'Old complaint', status: 'CLOSED', openedAt: '2025-01-02T08:00:00.000Z', closedAt: '2025-01-09T08:00:00.000Z' },
      ],
    },
    {
      contactId: 'C000000002',
      firstName: null,
      lastName: 'Lovelace',
      phone: '+447700900123',
      email: null,
      advisorId: null,
      changedAt: '2026-10-02T09:00:00.000Z',
      interactions: [],
      cases: [],
    },
    {
      contactId: 'C000000003',
      firstName: 'Grace',
      lastName: 'Hopper',
      phone: '+44 20 7946 0018',
      email: 'grace@example.test',
      advisorId: 'A0002',
      changedAt: '2026-10-03T09:00:00.000Z',
      interactions: [{ interactionId: 'I000000003', channel: 'CHAT', occurredAt: '2026-09-03T10:00:00.000Z', summary: 'Chat about mortgage' }],
      cases: [{ caseId: 'K000000003', subject: 'Mortgage delay', status: 'OPEN', openedAt: '2026-09-04T08:00:00.000Z', closedAt: null }],
    },
  ];
  const advisors: AdvisorRecord[] = [
    {
      advisorId: 'A0001',
      name: 'Alan Turing',
      slots: [
        { slotId: 'A0001-20261201T0900', start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T09:30:00.000Z' },
        { slotId: 'A0001-20261201T1000', start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T10:30:00.000Z' },
      ],
    },
    { advisorId: 'A0002', name: 'Katherine Johnson', slots: [{ slotId: 'A0002-20261202T0900', start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T09:30:00.000Z' }] },
  ];
  return { contacts, advisors };
}

/** `count` generated contacts (`C` + 9 digits), for paging and batching tests. */
export function manyContacts(count: number): ContactRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    contactId: `C${String(100_000 + i).padStart(9, '0')}`,
    firstName: `Given${i}`,
    lastName: `Family${i}`,
    phone: `07700 ${String(100_000 + i).slice(-6)}`,
    email: null,
    advisorId: null,
    changedAt: '2026-10-01T00:00:00.000Z',
    interactions: [],
    cases: [],
  }));
}

/**
 * Call center history of a contact: interactions over the last year and complaint cases.
 */
import type { Random } from './random';
import type { CaseRecord, InteractionRecord } from './records';
import { AS_OF_MS, DAY_MS, MINUTE_MS, isoInstant } from './timeline';

const SUMMARIES = [
  'Asked about a credit limit increase',
  'Reported a lost card',
  'Requested a change of address',
  'Mortgage enquiry',
  'Queried a fee on the statement',
  'Online banking password reset',
  'Asked about savings rates',
  'Disputed a card transaction',
  'Requested a copy statement',
  'Travel notification',
];

const COMPLAINTS = [
  'Unexpected overdraft fee',
  'Card payment declined abroad',
  'Delay in a bank transfer',
  'Poor service in branch',
  'Direct debit cancelled without notice',
];

export function generateInteractions(contactId: string, rng: Random, isDuplicate: boolean): InteractionRecord[] {
  const count = isDuplicate ? 1 : rng.int(1, 6);
  const stamps: number[] = [];
  for (let k = 0; k < count; k++) stamps.push(AS_OF_MS - rng.int(10, 365 * 24 * 60) * MINUTE_MS);
  stamps.sort((a, b) => b - a);
  return stamps.map((ms, k) => ({
    interactionId: `${contactId}-I${k + 1}`,
    channel: rng.weighted<InteractionRecord['channel']>([['CALL', 60], ['EMAIL', 25], ['CHAT', 15]]),
    occurredAt: isoInstant(ms),
    summary: rng.pick(SUMMARIES),
  }));
}

export function generateCases(contactId: string, rng: Random, isDuplicate: boolean): CaseRecord[] {
  if (isDuplicate || !rng.chance(0.3)) return [];
  const count = rng.int(1, 2);
  const cases: CaseRecord[] = [];
  for (let k = 0; k < count; k++) {
    const openedMs = AS_OF_MS - rng.int(60, 300 * 24 * 60) * MINUTE_MS;
    const closed = rng.chance(0.7);
    // A closed case closed after it opened and before AS_OF.
    const closedMs = closed ? Math.min(AS_OF_MS - MINUTE_MS, openedMs + rng.int(1, 45) * DAY_MS) : null;
    cases.push({
      caseId: `${contactId}-K${k + 1}`,
      subject: rng.pick(COMPLAINTS),
      status: closed ? 'CLOSED' : 'OPEN',
      openedAt: isoInstant(openedMs),
      closedAt: closedMs === null ? null : isoInstant(closedMs),
    });
  }
  return cases;
}

import { GraphQLError } from 'graphql';
import { CallCenterRejected, type CallCenterContact } from '../../adapters/call-center';
import { primaryRecord, loadPartyRecords } from '../runtime/partyRecords';
import { toGraphQLError } from '../runtime/upstreamErrors';
import { toAppointmentNode } from './graphNodes';
import type { CallCenterContext } from './resolvers';
import type { UserError, UserErrorCode } from '../../schema/generated/call-center';

export interface ScheduleCallbackArgs {
  input: { customerId: string; slotId: string; idempotencyKey: string };
}

// The codes are the SDL's UserErrorCode enum (generated types): a code the schema lacks fails tsc.
const failed = (code: UserErrorCode, message: string) => ({ appointment: null, userErrors: [{ code, message }] as UserError[] });

/**
 * Books the customer's relationship manager at one of the advisor's free slots. Idempotent: the
 * key travels to the call center, which books once per key; a repeat returns the same
 * appointment. What an agent can fix (no advisor, slot taken, slot of another advisor) comes
 * back as `userErrors`; a system failure is a typed GraphQL error.
 */
export async function scheduleCallback(input: ScheduleCallbackArgs['input'], context: CallCenterContext) {
  const key = input.idempotencyKey.trim();
  if (key.length < 8 || key.length > 128) {
    throw new GraphQLError('idempotencyKey must be 8 to 128 characters', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  let contactIds: string[] | null;
  try {
    contactIds = await context.directory.contactIdsOf(input.customerId);
  } catch {
    throw new GraphQLError('identity lookup failed', { extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'IDENTITY' } });
  }
  if (contactIds === null) return failed('UNKNOWN_CUSTOMER', 'No customer has this id.');
  const contact = primaryRecord(await loadPartyRecords(context.loaders.parties, contactIds)) as CallCenterContact | null;
  if (!contact) return failed('NO_CALL_CENTER_CONTACT', 'The customer is not known to the call center.');
  if (!contact.advisorId) return failed('NO_ADVISOR', 'The customer has no relationship manager assigned.');
  if (!input.slotId.startsWith(`${contact.advisorId}-`)) {
    return failed('SLOT_NOT_OF_ADVISOR', "The slot is not in the calendar of the customer's relationship manager.");
  }
  try {
    const result = await context.adapter.scheduleCallback({ contactId: contact.localId, slotId: input.slotId, idempotencyKey: key });
    return { appointment: toAppointmentNode(result.appointment), userErrors: [] };
  } catch (error) {
    if (error instanceof CallCenterRejected) {
      if (error.faultCode === 'SlotUnavailable') return failed('SLOT_TAKEN', 'The slot is no longer free; pick another.');
      if (error.faultCode === 'SlotNotFound') return failed('UNKNOWN_SLOT', 'No such slot.');
      if (error.faultCode === 'IdempotencyKeyReused') return failed('IDEMPOTENCY_KEY_REUSED', 'This key was already used for another booking.');
      return failed('REJECTED', 'The call center refused the booking.');
    }
    throw toGraphQLError(error);
  }
}

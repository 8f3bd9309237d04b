import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { authHeaders } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

const BOOK = `mutation Book($input: ScheduleCallbackInput!) {
  scheduleCallback(input: $input) { appointment { id slotId advisorId start } userErrors { code message } }
}`;
const ADVISOR = 'query($id: ID!) { customer(id: $id) { advisor { id freeSlots(first: 20) { id } } appointments { id slotId } } }';

type Booking = { scheduleCallback: { appointment: { id: string; slotId: string; advisorId: string } | null; userErrors: Array<{ code: string }> } };
type AdvisorView = { customer: { advisor: { id: string; freeSlots: Array<{ id: string }> } | null; appointments: Array<{ id: string; slotId: string }> | null } };

describe('booking the relationship manager from the call center', () => {
  let stack: RunningStack;
  let customerId: string;

  beforeAll(async () => {
    const { dataset } = await testDataset();
    stack = await startTestStack(dataset);
    const advisorOf = new Map(dataset.callCenter.map((c) => [c.contactId, c.advisorId]));
    const person = dataset.truth.find((p) => p.keys.contactIds.length === 1 && advisorOf.get(p.keys.contactIds[0]))!;
    const found = await postGraphQL<{ customerBySourceKey: { id: string } }>(stack.gateway.url, `{ customerBySourceKey(system: CALL_CENTER, localId: "${person.keys.contactIds[0]}") { id } }`);
    customerId = found.data!.customerBySourceKey.id;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('books once on a double submit, takes the slot out of availability, and shows in every channel', async () => {
    const agent = await authHeaders('call-center-agent', { subject: 'agent-ann', channel: 'call-center' });
    const before = await postGraphQL<AdvisorView>(stack.gateway.url, ADVISOR, { id: customerId }, agent);
    expect(before.errors).toBeUndefined();
    const advisor = before.data!.customer.advisor!;
    const slotId = advisor.freeSlots[0].id;
    const input = { customerId, slotId, idempotencyKey: `double-submit-${slotId}` };

    // The agent's browser sends the same booking twice at once.
    const [first, second] = await Promise.all([
      postGraphQL<Booking>(stack.gateway.url, BOOK, { input }, agent),
      postGraphQL<Booking>(stack.gateway.url, BOOK, { input }, agent),
    ]);
    expect(first.errors).toBeUndefined();
    expect(first.data!.scheduleCallback.userErrors).toEqual([]);
    expect(second.data!.scheduleCallback.appointment).toEqual(first.data!.scheduleCallback.appointment);
    expect(first.data!.scheduleCallback.appointment).toMatchObject({ slotId, advisorId: advisor.id });

    const after = await postGraphQL<AdvisorView>(stack.gateway.url, ADVISOR, { id: customerId }, agent);
    expect(after.data!.customer.advisor!.freeSlots.map((s) => s.id)).not.toContain(slotId);
    expect(after.data!.customer.appointments!.filter((a) => a.slotId === slotId)).toHaveLength(1);

    // A branch teller sees the same appointment.
    const teller = await authHeaders('teller', { subject: 'teller-tom', channel: 'branch' });
    const branch = await postGraphQL<AdvisorView>(stack.gateway.url, 'query($id: ID!) { customer(id: $id) { appointments { id slotId } } }', { id: customerId }, teller);
    expect(branch.errors).toBeUndefined();
    expect(branch.data!.customer.appointments).toEqual([{ id: first.data!.scheduleCallback.appointment!.id, slotId }]);
  });

  it('refuses a taken slot with a user error, and the booking to roles that may not book', async () => {
    const agent = await authHeaders('call-center-agent');
    const view = await postGraphQL<AdvisorView>(stack.gateway.url, ADVISOR, { id: customerId }, agent);
    const taken = view.data!.customer.appointments![0].slotId;
    const again = await postGraphQL<Booking>(stack.gateway.url, BOOK, { input: { customerId, slotId: taken, idempotencyKey: 'another-key-for-a-taken-slot' } }, agent);
    expect(again.data!.scheduleCallback).toEqual({ appointment: null, userErrors: [expect.objectContaining({ code: 'SLOT_TAKEN' })] });

    const teller = await authHeaders('teller');
    const refused = await postGraphQL<Booking>(stack.gateway.url, BOOK, { input: { customerId, slotId: taken, idempotencyKey: 'teller-may-not-book' } }, teller);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

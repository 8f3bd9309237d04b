import type { RunningSimulator } from '../kit/simulatorServer';
import { MAX_IDS_PER_REQUEST } from './callCenterProtocol';
import { callCenterFixtures, manyContacts } from './callCenterFixtures';
import { startCallCenterSimulator } from './callCenterSimulator';
import { asList, callSoap, postSoap, soapRequestXml, type SoapCallResult } from './soapTestClient';

type Row = Record<string, string>;

function response(result: SoapCallResult, operation: string): Record<string, unknown> {
  expect(result.status).toBe(200);
  const content = result.body[`${operation}Response`];
  return typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {};
}

function list(result: SoapCallResult, operation: string, wrapper: string, item: string): Row[] {
  const content = response(result, operation)[wrapper] as Record<string, Row | Row[]> | '' | undefined;
  return asList(content === '' || content === undefined ? undefined : content[item]);
}

function faultOf(result: SoapCallResult): { faultcode: string; faultstring: string; code: string } {
  expect(result.status).toBe(500);
  expect(result.contentType).toBe('text/xml; charset=utf-8');
  const fault = result.body.Fault as { faultcode: string; faultstring: string; detail: { CallCenterFault: { code: string } } };
  return { faultcode: fault.faultcode, faultstring: fault.faultstring, code: fault.detail.CallCenterFault.code };
}

async function admin(sim: RunningSimulator, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/__admin/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('call-center simulator over HTTP', () => {
  let sim: RunningSimulator;
  const fixtures = callCenterFixtures();

  beforeAll(async () => {
    sim = await startCallCenterSimulator({ contacts: [...fixtures.contacts, ...manyContacts(250)], advisors: fixtures.advisors, port: 0 });
  });
  afterAll(() => sim.close());
  beforeEach(() => admin(sim, 'reset', {}));

  it('GetContactsByIds returns found contacts in request order and skips unknown ids', async () => {
    const result = await callSoap(sim.url, 'GetContactsByIds', { contactIds: { contactId: ['C000000003', 'C999999999', 'C000000001'] } });
    expect(result.contentType).toBe('text/xml; charset=utf-8');
    const contacts = list(result, 'GetContactsByIds', 'contacts', 'contact');
    expect(contacts.map((c) => c.contactId)).toEqual(['C000000003', 'C000000001']);
    expect(contacts[1]).toEqual({
      contactId: 'C000000001', firstName: 'Ada', lastName: 'Lovelace', phone: '07700 900123',
      email: 'ada@example.test', advisorId: 'A0001', changedAt: '2026-10-01T09:00:00.000Z',
    });
  });

  it('omits null fields and answers an empty id list with no contacts', async () => {
    const [contact] = list(await callSoap(sim.url, 'GetContactsByIds', { contactIds: { contactId: 'C000000002' } }), 'GetContactsByIds', 'contacts', 'contact');
    expect(contact).not.toHaveProperty('firstName');
    expect(contact).not.toHaveProperty('advisorId');
    expect(list(await callSoap(sim.url, 'GetContactsByIds', { contactIds: '' }), 'GetContactsByIds', 'contacts', 'contact')).toEqual([]);
  });

  it(`refuses more than ${MAX_IDS_PER_REQUEST} ids with a Client fault`, async () => {
    const ids = manyContacts(MAX_IDS_PER_REQUEST + 1).map((c) => c.contactId);
    const fault = faultOf(await callSoap(sim.url, 'GetContactsByIds', { contactIds: { contactId: ids } }));
    expect(fault).toMatchObject({ faultcode: 'soap:Client', code: 'TooManyIds' });
  });

  it.each(['07700 900123', '+447700900123', '0044 7700 900 123', '(07700) 900-123'])('GetContactsByPhone finds both formats for %s', async (phone) => {
    const contacts = list(await callSoap(sim.url, 'GetContactsByPhone', { phone }), 'GetContactsByPhone', 'contacts', 'contact');
    expect(contacts.map((c) => c.contactId)).toEqual(['C000000001', 'C000000002']);
  });

  it('GetContactsByPhone finds nothing for an unknown number', async () => {
    expect(list(await callSoap(sim.url, 'GetContactsByPhone', { phone: '+1 202 555 0100' }), 'GetContactsByPhone', 'contacts', 'contact')).toEqual([]);
  });

  it('GetInteractions returns every interaction of the contacts, escaped text intact', async () => {
    const rows = list(await callSoap(sim.url, 'GetInteractions', { contactIds: { contactId: ['C000000001', 'C000000003'] } }), 'GetInteractions', 'interactions', 'interaction');
    expect(rows.map((r) => r.interactionId)).toEqual(['I000000001', 'I000000002', 'I000000003']);
    expect(rows[0]).toEqual({ interactionId: 'I000000001', contactId: 'C000000001', channel: 'CALL', occurredAt: '2026-09-01T10:00:00.000Z', summary: 'Asked about <fees> & charges' });
  });

  it('GetOpenCases returns only open cases', async () => {
    const rows = list(await callSoap(sim.url, 'GetOpenCases', { contactIds: { contactId: ['C000000001', 'C000000003'] } }), 'GetOpenCases', 'cases', 'case');
    expect(rows.map((r) => r.caseId)).toEqual(['K000000001', 'K000000003']);
    expect(rows[0]).not.toHaveProperty('closedAt');
    expect(rows.every((r) => r.status === 'OPEN')).toBe(true);
  });

  it('GetAdvisor and GetAdvisorCalendar answer for a known advisor and are empty for an unknown one', async () => {
    expect(response(await callSoap(sim.url, 'GetAdvisor', { advisorId: 'A0001' }), 'GetAdvisor').advisor).toEqual({ advisorId: 'A0001', name: 'Alan Turing' });
    expect(response(await callSoap(sim.url, 'GetAdvisor', { advisorId: 'A9999' }), 'GetAdvisor')).toEqual({});
    const calendar = await callSoap(sim.url, 'GetAdvisorCalendar', { advisorId: 'A0001' });
    expect(list(calendar, 'GetAdvisorCalendar', 'freeSlots', 'slot').map((s) => s.slotId)).toEqual(['A0001-20261201T0900', 'A0001-20261201T1000']);
    expect(response(await callSoap(sim.url, 'GetAdvisorCalendar', { advisorId: 'A9999' }), 'GetAdvisorCalendar')).toEqual({});
  });

  describe('ScheduleCallback', () => {
    const booking = { contactId: 'C000000001', slotId: 'A0001-20261201T0900', idempotencyKey: 'key-1' };

    it('books the slot: it leaves the free slots and appears for the contact', async () => {
      const result = await callSoap(sim.url, 'ScheduleCallback', booking);
      const content = response(result, 'ScheduleCallback');
      expect(content.replayed).toBe('false');
      expect(content.appointment).toMatchObject({ slotId: booking.slotId, advisorId: 'A0001', contactId: 'C000000001', start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T09:30:00.000Z' });
      const free = list(await callSoap(sim.url, 'GetAdvisorCalendar', { advisorId: 'A0001' }), 'GetAdvisorCalendar', 'freeSlots', 'slot');
      expect(free.map((s) => s.slotId)).toEqual(['A0001-20261201T1000']);
      const appointments = list(await callSoap(sim.url, 'GetAppointments', { contactIds: { contactId: 'C000000001' } }), 'GetAppointments', 'appointments', 'appointment');
      expect(appointments).toEqual([content.appointment]);
    });

    it('is idempotent: the same key twice books once and returns the same appointment', async () => {
      const first = response(await callSoap(sim.url, 'ScheduleCallback', booking), 'ScheduleCallback');
      const second = response(await callSoap(sim.url, 'ScheduleCallback', booking), 'ScheduleCallback');
      expect(second.appointment).toEqual(first.appointment);
      expect(second.replayed).toBe('true');
      const appointments = list(await callSoap(sim.url, 'GetAppointments', { contactIds: { contactId: 'C000000001' } }), 'GetAppointments', 'appointments', 'appointment');
      expect(appointments).toHaveLength(1);
      const changes = list(await callSoap(sim.url, 'GetChanges', {}), 'GetChanges', 'changes', 'change');
      expect(changes.map((c) => c.entity)).toEqual(['slot', 'appointment']);
    });

    it('refuses a taken slot under another key, and a reused key with other arguments', async () => {
      await callSoap(sim.url, 'ScheduleCallback', booking);
      expect(faultOf(await callSoap(sim.url, 'ScheduleCallback', { ...booking, idempotencyKey: 'key-2', contactId: 'C000000003' }))).toMatchObject({ faultcode: 'soap:Client', code: 'SlotUnavailable' });
      expect(faultOf(await callSoap(sim.url, 'ScheduleCallback', { ...booking, slotId: 'A0001-20261201T1000' }))).toMatchObject({ faultcode: 'soap:Client', code: 'IdempotencyKeyReused' });
    });

    it('refuses an unknown contact or slot', async () => {
      expect(faultOf(await callSoap(sim.url, 'ScheduleCallback', { ...booking, contactId: 'C999999999' })).code).toBe('ContactNotFound');
      expect(faultOf(await callSoap(sim.url, 'ScheduleCallback', { ...booking, slotId: 'S-NOPE' })).code).toBe('SlotNotFound');
    });

    it('without a key books once and refuses the repeat', async () => {
      const { idempotencyKey: _unused, ...unkeyed } = booking;
      response(await callSoap(sim.url, 'ScheduleCallback', unkeyed), 'ScheduleCallback');
      expect(faultOf(await callSoap(sim.url, 'ScheduleCallback', unkeyed)).code).toBe('SlotUnavailable');
    });
  });

  describe('change feed', () => {
    it('records an operator edit as a party change, readable from a cursor', async () => {
      const head = response(await callSoap(sim.url, 'GetChanges', {}), 'GetChanges').nextCursor;
      const edit = await admin(sim, 'records', { contactId: 'C000000003', changes: { email: 'grace.h@example.test', phone: '07700 900555' } });
      expect(edit.status).toBe(200);
      const page = response(await callSoap(sim.url, 'GetChanges', { cursor: head }), 'GetChanges');
      expect(page.changes).toMatchObject({ change: { entity: 'party', localId: 'C000000003' } });
      const [contact] = list(await callSoap(sim.url, 'GetContactsByPhone', { phone: '+44 7700 900555' }), 'GetContactsByPhone', 'contacts', 'contact');
      expect(contact).toMatchObject({ contactId: 'C000000003', email: 'grace.h@example.test' });
      expect(contact.changedAt > '2026-10-03T09:00:00.000Z').toBe(true);
      const after = response(await callSoap(sim.url, 'GetChanges', { cursor: page.nextCursor }), 'GetChanges');
      expect(after.changes).toBe('');
    });

    it('refuses an invalid edit and an unknown contact with 400', async () => {
      expect((await admin(sim, 'records', { contactId: 'C000000003', changes: { shoeSize: 9 } })).status).toBe(400);
      expect((await admin(sim, 'records', { contactId: 'C000000003', changes: {} })).status).toBe(400);
      expect((await admin(sim, 'records', { contactId: 'C999999999', changes: { email: 'x@example.test' } })).status).toBe(400);
    });

    it('refuses a bad cursor with a Client fault', async () => {
      expect(faultOf(await callSoap(sim.url, 'GetChanges', { cursor: 'yesterday' })).code).toBe('InvalidCursor');
    });
  });

  it('reset restores contacts and clears bookings', async () => {
    await admin(sim, 'records', { contactId: 'C000000001', changes: { firstName: 'Augusta' } });
    await callSoap(sim.url, 'ScheduleCallback', { contactId: 'C000000001', slotId: 'A0001-20261201T0900', idempotencyKey: 'k' });
    await admin(sim, 'reset', {});
    const [contact] = list(await callSoap(sim.url, 'GetContactsByIds', { contactIds: { contactId: 'C000000001' } }), 'GetContactsByIds', 'contacts', 'contact');
    expect(contact.firstName).toBe('Ada');
    expect(list(await callSoap(sim.url, 'GetAppointments', { contactIds: { contactId: 'C000000001' } }), 'GetAppointments', 'appointments', 'appointment')).toEqual([]);
    expect(list(await callSoap(sim.url, 'GetAdvisorCalendar', { advisorId: 'A0001' }), 'GetAdvisorCalendar', 'freeSlots', 'slot')).toHaveLength(2);
    expect(list(await callSoap(sim.url, 'GetChanges', {}), 'GetChanges', 'changes', 'change')).toEqual([]);
  });

  it('ExtractContacts pages through every contact exactly once', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const result = await callSoap(sim.url, 'ExtractContacts', { pageSize: '100', ...(pageToken ? { pageToken } : {}) });
      seen.push(...list(result, 'ExtractContacts', 'contacts', 'contact').map((c) => c.contactId));
      pageToken = response(result, 'ExtractContacts').nextPageToken as string | undefined;
      pages += 1;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(253);
    expect(new Set(seen).size).toBe(253);
    expect([...seen].sort()).toEqual(seen);
  });

  describe('bad requests never crash the simulator', () => {
    it.each([
      ['malformed XML with an action', 'GetContactsByIds', '<soap:Envelope><soap:Body><GetContactsByIds>', 'MalformedRequest'],
      ['malformed XML without an action', null, '<<not xml', 'MalformedRequest'],
      ['an unknown operation', 'DropTables', soapRequestXml('DropTables', {}), 'UnknownOperation'],
      ['an unknown body element without an action', null, soapRequestXml('DropTables', {}), 'UnknownOperation'],
      ['a body that contradicts the action', 'GetAdvisor', soapRequestXml('GetContactsByIds', { contactIds: '' }), 'ActionMismatch'],
      ['a missing argument', 'GetAdvisor', soapRequestXml('GetAdvisor', {}), 'InvalidArgument'],
      ['a DTD', 'GetAdvisor', '<!DOCTYPE x [<!ENTITY a "b">]><Envelope><Body><GetAdvisor><advisorId>&a;</advisorId></GetAdvisor></Body></Envelope>', 'MalformedRequest'],
    ])('%s -> soap:Client fault', async (_name, action, xml, code) => {
      const fault = faultOf(await postSoap(sim.url, action, xml));
      expect(fault).toMatchObject({ faultcode: 'soap:Client', code });
    });

    it('routes on the body element when SOAPAction is absent', async () => {
      const result = await postSoap(sim.url, null, soapRequestXml('GetAdvisor', { advisorId: 'A0002' }));
      expect(response(result, 'GetAdvisor').advisor).toEqual({ advisorId: 'A0002', name: 'Katherine Johnson' });
    });

    it('never echoes customer input in a fault', async () => {
      const fault = faultOf(await callSoap(sim.url, 'ScheduleCallback', { contactId: 'C000000001', slotId: 'A0001-20261201T0900' }).then(() =>
        callSoap(sim.url, 'ScheduleCallback', { contactId: 'C000000001', slotId: 'A0001-20261201T0900' })));
      expect(fault.faultstring).not.toContain('C000000001');
      expect(fault.faultstring).not.toContain('A0001-');
    });
  });

  describe('fault injection through the kit', () => {
    it('error fault -> soap:Server fault with HTTP 500', async () => {
      await admin(sim, 'faults', { errorRate: 1 });
      const fault = faultOf(await callSoap(sim.url, 'GetAdvisor', { advisorId: 'A0001' }));
      expect(fault).toMatchObject({ faultcode: 'soap:Server', code: 'ServiceUnavailable' });
    });

    it('malformed fault -> a truncated body that is not a SOAP envelope', async () => {
      await admin(sim, 'faults', { malformedRate: 1 });
      const result = await callSoap(sim.url, 'GetAdvisor', { advisorId: 'A0001' });
      expect(result.status).toBe(200);
      expect(result.body).not.toHaveProperty('GetAdvisorResponse');
    });

    it('outage -> the connection is dropped', async () => {
      await admin(sim, 'faults', { down: true });
      await expect(callSoap(sim.url, 'GetAdvisor', { advisorId: 'A0001' })).rejects.toThrow();
    });

    it('latency delays answers but they stay correct', async () => {
      await admin(sim, 'faults', { latencyMs: 5 });
      expect(response(await callSoap(sim.url, 'GetAdvisor', { advisorId: 'A0001' }), 'GetAdvisor').advisor).toMatchObject({ advisorId: 'A0001' });
    });

    it('counts requests by operation', async () => {
      await callSoap(sim.url, 'GetAdvisor', { advisorId: 'A0001' });
      await callSoap(sim.url, 'GetContactsByIds', { contactIds: { contactId: 'C000000001' } });
      await callSoap(sim.url, 'GetContactsByIds', { contactIds: { contactId: 'C000000002' } });
      const stats = (await admin(sim, 'stats')).json;
      expect(stats).toEqual({ total: 3, byOperation: { GetAdvisor: 1, GetContactsByIds: 2 } });
    });
  });
});

import { loadCallCenterRecords } from '../../simulators/call-center/callCenterFiles';
import { startCallCenterSimulator } from '../../simulators/call-center/callCenterSimulator';
import { defaultSystemConfig } from '../kit/config';
import { createCallCenterAdapter } from './callCenterAdapter';
(async () => {
  const records = await loadCallCenterRecords('/tmp/ccds');
  const sim = await startCallCenterSimulator({ ...records, port: 0 });
  const adapter = createCallCenterAdapter(defaultSystemConfig('CALL_CENTER', sim.url), {});
  let n = 0; let withAdvisor = 0;
  for await (const p of adapter.extractParties()) { n++; if (p.advisorId) withAdvisor++; }
  console.log('extracted', n, 'of', records.contacts.length, 'with advisor', withAdvisor);
  let phoneHits = 0;
  for (const c of records.contacts.slice(0, 200)) { const found = await adapter.findByPhone(c.phone); if (found.some((f) => f.localId === c.contactId)) phoneHits++; }
  console.log('phone self-lookup hits', phoneHits, '/ 200');
  const ids = records.contacts.slice(0, 300).map((c) => c.contactId);
  const [parties, inter, cases] = await Promise.all([adapter.getParties(ids), adapter.getInteractions(ids), adapter.getOpenCases(ids)]);
  console.log('parties', [...parties.values()].filter(Boolean).length, 'interactions', [...inter.values()].flat().length, 'open cases', [...cases.values()].flat().length);
  const c = records.contacts.find((x) => x.advisorId)!;
  const slots = await adapter.getAdvisorSlots(c.advisorId!);
  console.log('slots', slots?.length, slots?.[0]?.slotId);
  const booked = await adapter.scheduleCallback({ contactId: c.contactId, slotId: slots![0].slotId, idempotencyKey: 'smoke' });
  console.log('booked', booked.appointment.appointmentId, (await adapter.getAdvisorSlots(c.advisorId!))?.length);
  adapter.close(); await sim.close();
})().catch((e) => { console.error('FAILED', e); process.exitCode = 1; });

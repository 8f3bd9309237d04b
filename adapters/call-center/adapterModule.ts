import type { Appointment } from '../canonical';
import type { AdapterModule } from '../adapterModules';
import type { CacheReadSpec, WithCacheOptions } from '../cache/withCache';
import { createCallCenterAdapter, type CallCenterAdapter } from '.';

/*
 * How the product wires this system's adapter (adapters/adapterModules.ts loads it by the slug in
 * its registry entry): how to create it, and which of its reads are cached under which entity.
 */

/** An appointment change names the appointment: the index maps it back to its contact. */
export const CALL_CENTER_CACHE: CacheReadSpec<CallCenterAdapter> = {
  getParties: 'party',
  getInteractions: 'interactions',
  getOpenCases: 'cases',
  getAppointments: {
    entity: 'appointments',
    index: { entity: 'appointment', ids: (appointments: Appointment[]) => appointments.map((a) => a.appointmentId) },
  },
};

/**
 * Booking a callback changes the contact's appointments and the advisor's free slots at once,
 * not only when the feed says so. Advisors and their calendars are single reads keyed by advisor.
 */
export const CALL_CENTER_CACHE_WRITES: WithCacheOptions<CallCenterAdapter> = {
  writes: { scheduleCallback: ([input], result) => [input.contactId, result.appointment.advisorId] },
  singles: {
    getAdvisor: { entity: 'advisor', key: (advisorId) => advisorId },
    getAdvisorSlots: { entity: 'advisorSlots', key: (advisorId) => advisorId },
  },
};

export const adapterModule: AdapterModule<CallCenterAdapter> = {
  create: (config) => createCallCenterAdapter(config),
  cache: { reads: CALL_CENTER_CACHE, options: CALL_CENTER_CACHE_WRITES },
};

import type { Advisor, AdvisorSlot, Appointment } from '../../adapters/canonical';

/** Canonical call-center values in the graph's shape (`id` rather than each system's key name). */
export function toSlotNode(slot: AdvisorSlot) {
  return { id: slot.slotId, start: slot.start, end: slot.end };
}

export function toAppointmentNode(appointment: Appointment) {
  return { id: appointment.appointmentId, slotId: appointment.slotId, advisorId: appointment.advisorId, start: appointment.start, end: appointment.end };
}

/** An advisor as the graph's `Advisor` resolvers receive it: the canonical advisor with its graph id. */
export type AdvisorNode = Advisor & { id: string };

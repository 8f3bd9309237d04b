import { bookingOutcome, mayBook, newIdempotencyKey, type BookingPayload } from '../booking';
import { h, replaceChildren } from '../dom';
import { formatTimeRange } from '../format';
import { graphql, RequestFailedError, UnauthenticatedError, type GraphQLErrorBody } from '../graphqlClient';
import { SCHEDULE_CALLBACK } from '../operations';
import { card, errorBox, valueOr, type ViewContext } from './common';
import type { Appointment, Customer360, Slot } from './customer360Types';

/**
 * The customer's relationship manager: free slots as buttons, a confirmation step, the booking
 * and its result. A booking shows at once in the appointments below (and in the cached 360
 * answer, so switching tabs keeps it); a slot someone else took leaves the list.
 *
 * Booking once: the idempotency key is made when the confirmation opens and reused for every
 * send of that confirmation, and the confirm button is disabled on the first click, so a double
 * click (or a retry after a network error) books one appointment.
 */
export function advisorCard(context: ViewContext, customer: Customer360, errors: readonly GraphQLErrorBody[]): HTMLElement {
  const section = card('Advisor', 'advisor');
  const heading = section.firstChild;
  // The result of the last booking stays on screen across re-renders.
  const result = h('div', { id: 'booking-result', role: 'status', 'aria-live': 'polite' });
  const confirmation = h('div', { id: 'booking-confirmation' });
  const bookable = mayBook(context.session);

  const render = (justBooked?: string) => {
    replaceChildren(
      section,
      heading,
      valueOr(
        customer.advisor,
        errors,
        ['customer', 'advisor'],
        (advisor) => [
          h('p', {}, h('strong', {}, advisor.name), h('small', {}, ` ${advisor.id}`)),
          h('h4', {}, bookable ? 'Book a callback: next free slots' : 'Next free slots'),
          advisor.freeSlots.length === 0
            ? h('p', { class: 'empty' }, 'No free slots.')
            : bookable
              ? h('div', { class: 'slot-buttons' }, advisor.freeSlots.map((slot) => h('button', { type: 'button', class: 'secondary slot', 'data-slot-id': slot.id, onclick: () => confirm(advisor.name, slot) }, formatTimeRange(slot.start, slot.end))))
              : [
                  h('ul', { class: 'slots' }, advisor.freeSlots.map((slot) => h('li', {}, formatTimeRange(slot.start, slot.end)))),
                  h('p', { class: 'empty' }, 'Booking is for call-center agents and relationship managers.'),
                ],
          confirmation,
          result,
        ],
        'No advisor assigned.',
      ),
      h('h4', {}, 'Appointments'),
      valueOr(customer.appointments, errors, ['customer', 'appointments'], (appointments) =>
        appointments.length === 0
          ? h('p', { class: 'empty' }, 'No appointments booked.')
          : h(
              'ul',
              { class: 'slots', id: 'appointments' },
              appointments.map((a) => h('li', { 'data-appointment-id': a.id, class: a.id === justBooked ? 'just-booked' : undefined }, formatTimeRange(a.start, a.end), h('small', {}, ` slot ${a.slotId}`))),
            ),
      ),
    );
  };

  /** The confirmation step for one slot: one key for however many times it is sent. */
  const confirm = (advisorName: string, slot: Slot) => {
    const key = newIdempotencyKey();
    let sending = false;
    const send = h('button', { type: 'button', id: 'confirm-booking' }, 'Confirm booking');
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'cancel-booking', onclick: () => confirmation.replaceChildren() }, 'Cancel');
    send.addEventListener('click', () => {
      if (sending) return;
      sending = true;
      send.disabled = true;
      cancel.disabled = true;
      send.textContent = 'Booking...';
      void book(slot, key).finally(() => {
        sending = false;
      });
    });
    result.replaceChildren();
    confirmation.replaceChildren(
      h(
        'div',
        { class: 'confirm-box', role: 'group', 'aria-label': 'Confirm the booking' },
        h('p', {}, 'Book a callback with ', h('strong', {}, advisorName), ' on ', h('strong', { class: 'slot-time' }, formatTimeRange(slot.start, slot.end)), ` for ${customer.profile?.fullName?.value ?? customer.id}?`),
        h('div', { class: 'actions' }, send, cancel),
      ),
    );
  };

  const book = async (slot: Slot, idempotencyKey: string) => {
    try {
      const { data } = await graphql<{ scheduleCallback: BookingPayload }>(SCHEDULE_CALLBACK, { input: { customerId: customer.id, slotId: slot.id, idempotencyKey } }, context.session.token);
      const outcome = bookingOutcome(data!.scheduleCallback, (a) => formatTimeRange(a.start, a.end));
      confirmation.replaceChildren();
      if (outcome.kind === 'booked') {
        recordBooking(customer, outcome.appointment);
        result.replaceChildren(h('p', { class: 'booking-success' }, outcome.message));
        render(outcome.appointment.id);
      } else {
        if (outcome.slotGone && customer.advisor) customer.advisor.freeSlots = customer.advisor.freeSlots.filter((s) => s.id !== slot.id);
        result.replaceChildren(h('div', { class: 'error-box booking-refused', 'data-code': outcome.code }, outcome.message, h('small', {}, ` (${outcome.code})`)));
        render();
      }
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        context.signOut(error.message);
        return;
      }
      // Nothing is known to be booked: the confirmation stays, and sending again reuses its key.
      const button = confirmation.querySelector<HTMLButtonElement>('#confirm-booking');
      const cancel = confirmation.querySelector<HTMLButtonElement>('#cancel-booking');
      if (button) {
        button.disabled = false;
        button.textContent = 'Try again';
      }
      if (cancel) cancel.disabled = false;
      const message = error instanceof RequestFailedError ? error.message : `Unexpected error: ${(error as Error).message}`;
      result.replaceChildren(errorBox(`The booking could not be sent: ${message}`));
    }
  };

  render();
  return section;
}

/** The booking in the 360 answer the console keeps: in the appointments, out of the free slots. */
function recordBooking(customer: Customer360, appointment: Appointment): void {
  const appointments = customer.appointments ?? [];
  if (!appointments.some((a) => a.id === appointment.id)) appointments.push(appointment);
  customer.appointments = appointments.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  if (customer.advisor) customer.advisor.freeSlots = customer.advisor.freeSlots.filter((s) => s.id !== appointment.slotId);
}

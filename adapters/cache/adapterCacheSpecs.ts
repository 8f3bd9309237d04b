import type { Appointment, Card } from '../canonical';
import type { CallCenterAdapter } from '../call-center';
import type { CardsAdapter } from '../cards';
import type { CoreBankingAdapter } from '../core-banking';
import type { ErpAdapter } from '../erp';
import type { CacheReadSpec, WithCacheOptions } from './withCache';

/**
 * Which reads of each adapter are cached, under which entity name. Only batch reads by a party's
 * local id are: they are what a customer360 fan-out costs. Paged and single-record reads
 * (transactions, advisor slots) stay live.
 */
export const CORE_BANKING_CACHE: CacheReadSpec<CoreBankingAdapter> = { getParties: 'party', getAccounts: 'accounts' };

/** A card change names the card: the index maps a card id back to the cardholder whose list holds it. */
export const CARDS_CACHE: CacheReadSpec<CardsAdapter> = {
  getParties: 'party',
  getCards: { entity: 'cards', index: { entity: 'card', ids: (cards: Card[]) => cards.map((card) => card.cardId) } },
};

export const ERP_CACHE: CacheReadSpec<ErpAdapter> = { getParties: 'party', getSalesOrders: 'salesOrders' };

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

/** Booking a callback changes the contact's appointments at once, not only when the feed says so. */
export const CALL_CENTER_CACHE_WRITES: WithCacheOptions<CallCenterAdapter> = {
  writes: { scheduleCallback: ([input]) => [input.contactId] },
};

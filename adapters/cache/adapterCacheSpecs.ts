import type { Appointment, Card } from '../canonical';
import type { CallCenterAdapter } from '../call-center';
import type { CardsAdapter } from '../cards';
import type { CoreBankingAdapter } from '../core-banking';
import type { ErpAdapter } from '../erp';
import type { CacheReadSpec, WithCacheOptions } from './withCache';

/**
 * Which reads of each adapter are cached, under which entity name: the batch reads by a party's
 * local id (what a customer360 fan-out costs), and the single-record and paged reads it makes
 * per account, card and advisor (`*_SINGLES`, keyed by their arguments).
 */
export const CORE_BANKING_CACHE: CacheReadSpec<CoreBankingAdapter> = { getParties: 'party', getAccounts: 'accounts' };

/** Recent transactions per account and page size: bounded by the TTL (the feed names parties). */
export const CORE_BANKING_SINGLES: WithCacheOptions<CoreBankingAdapter> = {
  singles: { getTransactions: { entity: 'transactions', key: (accountNumber, limit) => `${accountNumber}:${limit ?? ''}` } },
};

/** A page of a card's transactions, per card and page: bounded by the TTL, like account transactions. */
export const CARDS_SINGLES: WithCacheOptions<CardsAdapter> = {
  singles: { getCardTransactions: { entity: 'cardTransactions', key: (cardId, page) => `${cardId}:${page?.first ?? ''}:${page?.after ?? ''}` } },
};

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

import { h } from '../dom';
import { problemAt, systemLabel } from '../fieldProblems';
import { formatDateTime, formatEnum, formatMoney } from '../format';
import { graphql, type GraphQLErrorBody } from '../graphqlClient';
import { CUSTOMER_INSIGHTS } from '../operations';
import { formatAddress, PROFILE_FIELD_LABELS, type AddressValue } from '../sourcesComparison';
import type { Customer360 } from './customer360Types';
import { card, problemNote, table, valueOr, type ViewContext } from './common';

type Insights = {
  customer: {
    segment: { tier: string | null; ageBand: string; reasons: string[] } | null;
    nextBestActions: Array<{ code: string; title: string; reason: string; channel: string; priority: number }>;
  } | null;
};

/** The 360 overview: golden profile with provenance, then each system's part of the customer. */
export function customerOverview(context: ViewContext, customer: Customer360, errors: readonly GraphQLErrorBody[]): HTMLElement {
  const at = (...path: Array<string | number>) => ['customer', ...path];
  const insights = card('Insights', 'insights', h('p', { class: 'loading' }, 'Loading...'));
  loadInsights(context, customer.id, insights);

  return h(
    'div',
    { class: 'overview grid' },
    card(
      'Profile',
      'profile',
      valueOr(customer.profile, errors, at('profile'), (profile) =>
        table(
          ['Field', 'Value', 'From', 'Rule', ''],
          PROFILE_FIELD_LABELS.map(([field, label]) => {
            const golden = profile[field];
            const value = field === 'address' ? formatAddress((golden?.value ?? null) as AddressValue | null) : (golden?.value as string | null | undefined);
            return [
              label,
              golden ? (value ?? h('span', { class: 'empty' }, 'none')) : valueOr(null, errors, at('profile', field), () => ''),
              golden?.source ? [systemLabel(golden.source.system), h('small', {}, ` ${golden.source.localId}`)] : '',
              golden?.rule ? h('code', {}, golden.rule) : '',
              golden?.conflict ? h('a', { class: 'badge conflict-badge', href: `#/customer/${encodeURIComponent(customer.id)}/sources` }, 'Conflict') : '',
            ];
          }),
          { class: 'profile-table' },
        ),
      ),
    ),
    insights,
    card(
      'Accounts',
      'accounts',
      valueOr(customer.accounts, errors, at('accounts'), (accounts) =>
        accounts.length === 0
          ? h('p', { class: 'empty' }, 'No accounts.')
          : table(['Account', 'Type', 'Status', 'Balance'], accounts.map((a) => [a.accountNumber, formatEnum(a.type), formatEnum(a.status), h('span', { class: 'money' }, formatMoney(a.balance))])),
      ),
    ),
    card(
      'Cards',
      'cards',
      valueOr(customer.cards, errors, at('cards'), (cards) =>
        cards.length === 0
          ? h('p', { class: 'empty' }, 'No cards.')
          : table(['Card', 'Product', 'Status', 'Limit', 'Balance'], cards.map((c) => [h('code', {}, c.maskedPan), c.product, formatEnum(c.status), formatMoney(c.creditLimit), formatMoney(c.balance)])),
      ),
    ),
    card(
      'Sales orders',
      'orders',
      valueOr(customer.salesOrders, errors, at('salesOrders'), (orders) =>
        orders.edges.length === 0
          ? h('p', { class: 'empty' }, 'No orders.')
          : [
              table(['Order', 'Created', 'Net value', 'Delivery', 'Billing'], orders.edges.map(({ node: o }) => [o.orderId, formatDateTime(o.createdAt), formatMoney(o.netValue), formatEnum(o.deliveryStatus), formatEnum(o.billingStatus)])),
              orders.totalCount > orders.edges.length ? h('p', { class: 'more' }, `${orders.totalCount} orders in all; latest ${orders.edges.length} shown.`) : null,
            ],
      ),
    ),
    card(
      'Recent interactions',
      'interactions',
      valueOr(customer.interactions, errors, at('interactions'), (interactions) =>
        interactions.edges.length === 0
          ? h('p', { class: 'empty' }, 'No interactions.')
          : h('ul', { class: 'timeline' }, interactions.edges.map(({ node: i }) => h('li', {}, h('span', { class: 'when' }, formatDateTime(i.occurredAt)), h('span', { class: 'chip' }, formatEnum(i.channel)), ' ', i.summary))),
      ),
    ),
    card(
      'Open cases',
      'cases',
      valueOr(customer.openCases, errors, at('openCases'), (cases) =>
        cases.length === 0 ? h('p', { class: 'empty' }, 'No open cases.') : table(['Case', 'Subject', 'Opened'], cases.map((c) => [c.caseId, c.subject, formatDateTime(c.openedAt)])),
      ),
    ),
    card(
      'Advisor',
      'advisor',
      valueOr(customer.advisor, errors, at('advisor'), (advisor) => [
        h('p', {}, h('strong', {}, advisor.name), h('small', {}, ` ${advisor.id}`)),
        h('h4', {}, 'Next free slots'),
        advisor.freeSlots.length === 0 ? h('p', { class: 'empty' }, 'No free slots.') : h('ul', { class: 'slots' }, advisor.freeSlots.map((s) => h('li', {}, `${formatDateTime(s.start)} to ${formatDateTime(s.end).slice(11)}`))),
      ], 'No advisor assigned.'),
      h('h4', {}, 'Appointments'),
      valueOr(customer.appointments, errors, at('appointments'), (appointments) =>
        appointments.length === 0 ? h('p', { class: 'empty' }, 'No appointments booked.') : h('ul', { class: 'slots' }, appointments.map((a) => h('li', {}, `${formatDateTime(a.start)} (slot ${a.slotId})`))),
      ),
    ),
  );
}

/**
 * Segment and next best actions come from the insights subgraph in their own request: when
 * the gateway's supergraph does not have them yet (validation error), the card disappears
 * instead of failing the whole 360 view.
 */
function loadInsights(context: ViewContext, id: string, target: HTMLElement): void {
  const heading = target.querySelector('h3');
  graphql<Insights>(CUSTOMER_INSIGHTS, { id }, context.session.token).then(
    ({ data, errors }) => {
      const customer = data?.customer;
      if (!customer) {
        target.remove();
        return;
      }
      const segmentProblem = customer.segment ? undefined : problemAt(errors, ['customer', 'segment']);
      target.replaceChildren(
        heading ?? '',
        customer.segment
          ? h('p', { class: 'segment' }, h('span', { class: 'badge tier' }, formatEnum(customer.segment.tier ?? 'no tier')), ' ', h('span', { class: 'chip' }, formatEnum(customer.segment.ageBand)))
          : segmentProblem
            ? problemNote(segmentProblem)
            : h('p', { class: 'empty' }, 'No segment.'),
        h('h4', {}, 'Next best actions'),
        (customer.nextBestActions ?? []).length === 0
          ? h('p', { class: 'empty' }, 'Nothing to do.')
          : h('ol', { class: 'actions-list' }, customer.nextBestActions.map((a) => h('li', {}, h('strong', {}, a.title), h('span', { class: 'chip' }, formatEnum(a.channel)), h('p', { class: 'reason' }, a.reason)))),
      );
    },
    () => target.remove(),
  );
}

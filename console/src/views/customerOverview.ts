import { h } from '../dom';
import { systemLabel } from '../fieldProblems';
import { formatDateTime, formatEnum, formatMoney } from '../format';
import type { GraphQLErrorBody } from '../graphqlClient';
import { formatAddress, PROFILE_FIELD_LABELS, type AddressValue } from '../sourcesComparison';
import { advisorCard } from './advisorCard';
import type { Customer360 } from './customer360Types';
import { card, incompleteBadge, table, valueOr, type ViewContext } from './common';
import { insightsCard } from './insightsCard';

/** The 360 overview: golden profile with provenance, then each system's part of the customer. */
export function customerOverview(context: ViewContext, customer: Customer360, errors: readonly GraphQLErrorBody[]): HTMLElement {
  const at = (...path: Array<string | number>) => ['customer', ...path];

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
              [
                golden?.conflict ? h('a', { class: 'badge conflict-badge', href: `#/customer/${encodeURIComponent(customer.id)}/sources` }, 'Conflict') : '',
                golden && golden.complete === false ? incompleteBadge(golden.unavailableSystems ?? []) : '',
              ],
            ];
          }),
          { class: 'profile-table' },
        ),
      ),
    ),
    insightsCard(context, customer.id),
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
      'Mortgages',
      'mortgages',
      valueOr(customer.mortgages, errors, at('mortgages'), (loans) =>
        loans.length === 0
          ? h('p', { class: 'empty' }, 'No mortgages.')
          : table(
              ['Loan', 'Balance', 'Arrears', 'Next payment', 'As of'],
              loans.map((l) => [
                [
                  l.loanId,
                  h(
                    'small',
                    { class: 'loan-terms' },
                    [l.borrowerCount > 1 ? `Joint (${formatEnum(l.borrowerRole)})` : 'Sole', formatEnum(l.rateType), `matures ${l.maturityDate}`, l.status === 'OPEN' ? '' : formatEnum(l.status)].filter(Boolean).join(' · '),
                  ),
                ],
                h('span', { class: 'money' }, formatMoney(l.balance)),
                l.arrearsStatus === 'UP_TO_DATE' ? formatEnum(l.arrearsStatus) : h('span', { class: 'badge conflict-badge' }, formatEnum(l.arrearsStatus)),
                l.nextPayment ? [l.nextPayment.dueDate, h('small', {}, ` ${formatMoney(l.nextPayment.amount)}`)] : '',
                // Batch data: the business date of the file the figures came from.
                h('small', {}, l.asOf),
              ]),
            ),
      ),
    ),
    advisorCard(context, customer, errors),
  );
}

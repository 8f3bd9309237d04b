import { h } from '../dom';
import { BANK_TIME_ZONE, bankWallTimeToIso, formatDateTime, formatEnum } from '../format';
import { graphql } from '../graphqlClient';
import { AUDIT_TRAIL, AUDIT_TRAIL_PROBE } from '../operations';
import { hasRole, type Session } from '../session';
import { guarded, table, type ViewContext } from './common';

const PAGE_SIZE = 50;

type Trail = {
  auditTrail: {
    edges: Array<{ node: { id: string; kind: string; at: string; subject: string; channel: string | null; roles: string[]; customerIds: string[]; fieldClasses: string[]; operationName: string | null; requestId: string | null; action: string | null; reason: string | null } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
};

/**
 * Whether to show the audit trail tab: for auditors (or a gateway without authentication),
 * and only when the gateway answers the probe (it has the field and grants it to the caller).
 */
export async function auditTrailAvailable(session: Session): Promise<boolean> {
  if (session.token && !hasRole(session, 'auditor')) return false;
  try {
    const { errors } = await graphql(AUDIT_TRAIL_PROBE, {}, session.token);
    return errors.length === 0;
  } catch {
    return false;
  }
}

export interface AuditFilter {
  customerId: string;
  /** `datetime-local` values, read as the bank's wall clock (Europe/London). */
  from: string;
  to: string;
}

/** Who looked at a customer's data, and steward decisions about them, oldest first. */
export function auditTrailView(context: ViewContext, filter: AuditFilter): HTMLElement {
  const customer = h('input', { id: 'audit-customer', name: 'customer', value: filter.customerId, placeholder: 'cust_...', required: true, autocomplete: 'off' });
  const from = h('input', { id: 'audit-from', name: 'from', type: 'datetime-local', value: filter.from });
  const to = h('input', { id: 'audit-to', name: 'to', type: 'datetime-local', value: filter.to });
  const results = h('div', { id: 'audit-results' });
  const more = h('div', { class: 'more' });

  const loadPage = (after: string | null) =>
    guarded(context, results, async () => {
      const { data } = await graphql<Trail>(
        AUDIT_TRAIL,
        { customerId: filter.customerId, from: bankWallTimeToIso(filter.from), to: bankWallTimeToIso(filter.to), first: PAGE_SIZE, after },
        context.session.token,
      );
      const trail = data!.auditTrail;
      if (!trail) {
        results.replaceChildren(h('p', { class: 'empty' }, 'The audit trail is not available.'));
        return;
      }
      const rows = trail.edges.map(({ node: e }) => [
        formatDateTime(e.at),
        formatEnum(e.kind),
        [e.subject, e.channel ? h('small', {}, ` via ${e.channel}`) : ''],
        e.roles.join(', '),
        e.fieldClasses.join(', '),
        // The gateway records an unnamed operation as `(unnamed)`; null is an action outside GraphQL.
        e.operationName ?? h('span', { class: 'empty' }, 'not a GraphQL operation'),
        e.action ? `${e.action}${e.reason ? `: ${e.reason}` : ''}` : '',
        e.requestId ? h('code', {}, e.requestId) : '',
      ]);
      if (after === null) {
        results.replaceChildren(
          trail.edges.length === 0
            ? h('p', { class: 'empty' }, 'No events for this customer in this period.')
            : table(['When', 'Kind', 'Who', 'Roles', 'Data classes', 'Operation', 'Decision', 'Request id'], rows, { class: 'audit-table', id: 'audit-table' }),
        );
      } else {
        const body = results.querySelector('tbody');
        const extra = table([], rows).querySelector('tbody');
        if (body && extra) body.append(...Array.from(extra.children));
      }
      more.replaceChildren(trail.pageInfo.hasNextPage ? h('button', { type: 'button', class: 'secondary', onclick: () => void loadPage(trail.pageInfo.endCursor) }, 'Load more') : '');
    });
  if (filter.customerId) void loadPage(null);

  return h(
    'main',
    { class: 'audit' },
    h('h2', {}, 'Audit trail'),
    h('p', {}, `Who read a customer's data through the graph (and which classes of data), and the data stewards' decisions about them. Times are the bank's (${BANK_TIME_ZONE}).`),
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const query = new URLSearchParams({ customer: customer.value.trim() });
          if (from.value) query.set('from', from.value);
          if (to.value) query.set('to', to.value);
          context.navigate(`#/audit?${query.toString()}`);
        },
      },
      h('label', { for: 'audit-customer' }, 'Customer id', customer),
      h('label', { for: 'audit-from' }, `From (${BANK_TIME_ZONE})`, from),
      h('label', { for: 'audit-to' }, `To (${BANK_TIME_ZONE})`, to),
      h('button', { type: 'submit', id: 'audit-load' }, 'Show'),
    ),
    results,
    more,
  );
}

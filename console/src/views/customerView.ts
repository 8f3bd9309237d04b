import { h, replaceChildren } from '../dom';
import { forbiddenFields, systemLabel } from '../fieldProblems';
import { graphql, type GraphQLErrorBody } from '../graphqlClient';
import { CUSTOMER_360 } from '../operations';
import type { Customer360 } from './customer360Types';
import { customerOverview } from './customerOverview';
import { guarded, type ViewContext } from './common';
import { sourcesView } from './sourcesView';

export type CustomerTab = 'overview' | 'sources';

// The last answer, so switching between Overview and Sources does not ask every system again.
let cached: { id: string; customer: Customer360 | null; errors: GraphQLErrorBody[] } | undefined;

/** One customer: the 360 overview or the Sources comparison, from one Customer360 request. */
export function customerView(context: ViewContext, id: string, tab: CustomerTab): HTMLElement {
  const body = h('div', { class: 'customer-body' }, h('p', { class: 'loading' }, 'Loading the customer from every system...'));
  const base = `#/customer/${encodeURIComponent(id)}`;
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'Customer views' },
    h('a', { href: base, id: 'tab-overview', class: tab === 'overview' ? 'active' : undefined, 'aria-current': tab === 'overview' ? 'page' : undefined }, 'Overview'),
    h('a', { href: `${base}/sources`, id: 'tab-sources', class: tab === 'sources' ? 'active' : undefined, 'aria-current': tab === 'sources' ? 'page' : undefined }, 'Sources'),
  );
  const heading = h('h2', { id: 'customer-name' }, id);
  const keys = h('div', { class: 'keys' });
  const refresh = h('button', { type: 'button', class: 'secondary small', onclick: () => { cached = undefined; context.navigate(`${base}${tab === 'sources' ? '/sources' : ''}`); } }, 'Refresh');
  const explorer = h('a', { class: 'explorer-link', href: `/explorer?id=${encodeURIComponent(id)}` }, 'Open the query in the GraphQL explorer');
  const view = h('main', { class: 'customer', 'data-customer-id': id }, h('div', { class: 'customer-head' }, heading, refresh, explorer), keys, tabs, body);

  void guarded(context, body, async () => {
    if (cached?.id !== id) {
      const { data, errors } = await graphql<{ customer: Customer360 | null }>(CUSTOMER_360, { id }, context.session.token);
      cached = { id, customer: data!.customer, errors };
    }
    const { customer, errors } = cached;
    if (!customer) {
      body.replaceChildren(h('p', { class: 'empty' }, 'No customer with this id.'));
      return;
    }
    heading.textContent = customer.profile?.fullName?.value ?? id;
    keys.replaceChildren(h('code', { class: 'customer-id' }, customer.id), ...customer.sourceKeys.map((k) => h('span', { class: 'chip' }, `${systemLabel(k.system)} ${k.localId}`)));
    const refused = forbiddenFields(errors);
    replaceChildren(
      body,
      refused.length > 0 ? h('p', { class: 'notice', id: 'forbidden-notice' }, `Hidden for your role: ${refused.join(', ')}.`) : null,
      tab === 'sources' ? sourcesView(customer, errors) : customerOverview(context, customer, errors),
    );
  });
  return view;
}

/** Forget the cached answer (after a sign-out, so another role never sees it). */
export function forgetCustomer(): void {
  cached = undefined;
}

import { h } from '../dom';
import { graphql } from '../graphqlClient';
import { SEARCH_CUSTOMERS } from '../operations';
import { systemLabel } from '../fieldProblems';
import { guarded, valueOr, type ViewContext } from './common';

type SearchAnswer = {
  searchCustomers: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        sourceKeys: Array<{ system: string; localId: string }>;
        profile: { fullName: { value: string | null } | null; birthDate: { value: string | null } | null; email: { value: string | null } | null; mobilePhone: { value: string | null } | null } | null;
      };
    }>;
  };
};

/** Customer search by name, phone (any format) or email; a result opens the 360 view. */
export function searchView(context: ViewContext, text: string): HTMLElement {
  const input = h('input', { type: 'search', id: 'search-text', name: 'q', value: text, placeholder: 'Name, phone number or email', autocomplete: 'off' });
  const results = h('div', { id: 'search-results', 'aria-live': 'polite' });
  const view = h(
    'main',
    { class: 'search' },
    h('h2', {}, 'Find a customer'),
    h(
      'form',
      {
        class: 'search-form',
        role: 'search',
        onsubmit: (event: Event) => {
          event.preventDefault();
          context.navigate(`#/search?q=${encodeURIComponent(input.value.trim())}`);
        },
      },
      input,
      h('button', { type: 'submit', id: 'search-button' }, 'Search'),
    ),
    results,
  );
  if (text.trim() !== '') {
    results.replaceChildren(h('p', { class: 'loading' }, 'Searching...'));
    void guarded(context, results, async () => {
      const { data, errors } = await graphql<SearchAnswer>(SEARCH_CUSTOMERS, { text: text.trim(), first: 20 }, context.session.token);
      const found = data!.searchCustomers;
      if (found.edges.length === 0) {
        results.replaceChildren(h('p', { class: 'empty' }, 'No customer matches.'));
        return;
      }
      results.replaceChildren(
        h('p', { class: 'count' }, `${found.totalCount} match${found.totalCount === 1 ? '' : 'es'}${found.totalCount > found.edges.length ? `, first ${found.edges.length} shown` : ''}`),
        h(
          'ul',
          { class: 'results' },
          found.edges.map(({ node }, i) => {
            const path = ['searchCustomers', 'edges', i, 'node', 'profile'];
            const profile = node.profile;
            return h(
              'li',
              {},
              h(
                'a',
                { href: `#/customer/${encodeURIComponent(node.id)}`, class: 'result', 'data-customer-id': node.id },
                h('strong', { class: 'name' }, valueOr(profile?.fullName?.value, errors, [...path, 'fullName'], (v) => v, '(no name)')),
                h('span', { class: 'meta' }, valueOr(profile?.birthDate?.value, errors, [...path, 'birthDate'], (v) => `born ${v}`, '')),
                h('span', { class: 'meta' }, valueOr(profile?.email?.value, errors, [...path, 'email'], (v) => v, '')),
                h('span', { class: 'meta' }, valueOr(profile?.mobilePhone?.value, errors, [...path, 'mobilePhone'], (v) => v, '')),
                h('span', { class: 'keys' }, node.sourceKeys.map((k) => h('span', { class: 'chip' }, `${systemLabel(k.system)} ${k.localId}`))),
                h('code', { class: 'customer-id' }, node.id),
              ),
            );
          }),
        ),
      );
    });
  }
  return view;
}

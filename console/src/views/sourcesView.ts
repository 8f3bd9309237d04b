import { h } from '../dom';
import { systemLabel } from '../fieldProblems';
import { formatDateTime } from '../format';
import type { GraphQLErrorBody } from '../graphqlClient';
import { CELL_STATE_LABELS, compareSources, SOURCE_SYSTEMS, type CandidateCell, type ComparisonRow, type SourceSystem } from '../sourcesComparison';
import type { Customer360 } from './customer360Types';
import { incompleteBadge, valueOr } from './common';

/**
 * The auditors' comparison: each profile field across the four systems of record, every
 * linked record's value, the record the graph serves (marked "served") and the fields on
 * which the systems disagree (row class `conflict`, a visible "Conflict" label, and the
 * differing values marked).
 */
export function sourcesView(customer: Customer360, errors: readonly GraphQLErrorBody[]): HTMLElement {
  return h(
    'section',
    { class: 'sources', 'data-section': 'sources' },
    h('p', { class: 'legend' }, h('span', { class: 'badge served-badge' }, 'served'), ' the record the graph serves; ', h('span', { class: 'differs-sample' }, 'highlighted'), ' values disagree with it after normalisation (case, accents, phone format are not disagreements).'),
    valueOr(customer.profile, errors, ['customer', 'profile'], (profile) => {
      const rows = compareSources(profile, customer.sourceKeys ?? []);
      return h(
        'table',
        { class: 'sources-table', id: 'sources-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Served'), SOURCE_SYSTEMS.map((s) => h('th', { scope: 'col' }, systemLabel(s))))),
        h(
          'tbody',
          {},
          rows.map((row) =>
            h(
              'tr',
              { class: row.conflict ? 'conflict' : 'agree', 'data-field': row.field },
              h('th', { scope: 'row' }, row.label, row.conflict ? h('span', { class: 'badge conflict-badge' }, 'Conflict') : null, row.complete ? null : incompleteBadge(row.unavailableSystems)),
              h(
                'td',
                { class: 'served' },
                h('div', {}, row.served ?? h('span', { class: 'empty' }, 'none')),
                row.winner ? h('small', {}, `from ${systemLabel(row.winner.system)} ${row.winner.localId}`) : null,
                row.rule ? h('small', {}, h('code', {}, row.rule)) : null,
              ),
              SOURCE_SYSTEMS.map((system) => systemCell(row, system)),
            ),
          ),
        ),
      );
    }),
  );
}

/** One system's column: its values, or which of the three reasons for none applies. */
function systemCell(row: ComparisonRow, system: SourceSystem): HTMLElement {
  const state = row.states[system];
  if (state === 'values') return h('td', { 'data-system': system }, row.cells[system].map(candidateCell));
  return h('td', { 'data-system': system, 'data-state': state }, h('span', { class: state === 'unavailable' ? 'unavailable' : 'empty' }, CELL_STATE_LABELS[state]));
}

function candidateCell(cell: CandidateCell): HTMLElement {
  const classes = ['candidate', cell.winner ? 'winner' : '', cell.differs ? 'differs' : ''].filter(Boolean).join(' ');
  return h(
    'div',
    { class: classes },
    h('div', { class: 'value' }, cell.value ?? h('span', { class: 'empty' }, 'blank')),
    h('small', {}, cell.localId, cell.asOf ? ` · ${formatDateTime(cell.asOf)}` : ''),
    cell.winner ? h('span', { class: 'badge served-badge' }, 'served') : null,
  );
}

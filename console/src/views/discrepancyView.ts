import { h } from '../dom';
import { downloadWithToken } from '../downloadWithToken';
import { systemLabel } from '../fieldProblems';
import { formatDateTime, formatEnum } from '../format';
import { graphql } from '../graphqlClient';
import { DISCREPANCY_REPORT } from '../operations';
import { SOURCE_SYSTEMS } from '../sourcesComparison';
import { errorBox, guarded, table, type ViewContext } from './common';

const PROFILE_FIELDS = ['FULL_NAME', 'BIRTH_DATE', 'NATIONAL_ID', 'EMAIL', 'MOBILE_PHONE', 'ADDRESS'];
const PAGE_SIZE = 50;

type Report = {
  discrepancyReport: {
    totalCount: number;
    counts: Array<{ field: string; systemA: string; systemB: string; count: number }>;
    edges: Array<{ node: DiscrepancyRow }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

type DiscrepancyRow = {
  customer: { id: string };
  customerName: string | null;
  field: string;
  systemA: string;
  localIdA: string;
  valueA: string;
  normalizedValueA: string | null;
  changedAtA: string | null;
  systemB: string;
  localIdB: string;
  valueB: string;
  normalizedValueB: string | null;
  changedAtB: string | null;
  servedValue: string | null;
  servedRule: string | null;
};

/** One side of a discrepancy: the raw value, what it normalises to (when that differs), and when its record changed. */
function sideCell(value: string, normalized: string | null, changedAt: string | null): HTMLElement {
  return h(
    'td',
    { class: 'differs' },
    h('div', { class: 'value' }, value),
    normalized !== null && normalized !== value ? h('small', { class: 'normalized' }, 'normalised: ', h('code', {}, normalized)) : null,
    h('small', { class: 'changed-at' }, changedAt ? `changed ${formatDateTime(changedAt)}` : 'change time not given'),
  );
}

export interface DiscrepancyFilter {
  field: string;
  /** Zero, one or two systems. */
  systems: string[];
}

export function filterFromQuery(query: URLSearchParams): DiscrepancyFilter {
  return {
    field: PROFILE_FIELDS.includes(query.get('field') ?? '') ? query.get('field')! : '',
    systems: (query.get('systems') ?? '').split(',').filter((s) => (SOURCE_SYSTEMS as readonly string[]).includes(s)).slice(0, 2),
  };
}

function filterQuery(filter: DiscrepancyFilter): string {
  const query = new URLSearchParams();
  if (filter.field) query.set('field', filter.field);
  if (filter.systems.length > 0) query.set('systems', filter.systems.join(','));
  return query.toString().replace(/%2C/g, ',');
}

/**
 * The discrepancy report: counts per field and system pair, the disagreeing record pairs a
 * page at a time, filters (field, one system or a pair), and the same report as CSV.
 */
export function discrepancyView(context: ViewContext, filter: DiscrepancyFilter): HTMLElement {
  const select = (id: string, label: string, options: string[], value: string, labelOf: (v: string) => string) =>
    h('label', { for: id }, label, h('select', { id, name: id }, h('option', { value: '' }, 'any'), options.map((o) => h('option', { value: o, selected: o === value }, labelOf(o)))));
  const fieldSelect = select('filter-field', 'Field', PROFILE_FIELDS, filter.field, formatEnum);
  const systemA = select('filter-system-a', 'System', [...SOURCE_SYSTEMS], filter.systems[0] ?? '', systemLabel);
  const systemB = select('filter-system-b', 'versus', [...SOURCE_SYSTEMS], filter.systems[1] ?? '', systemLabel);
  const read = (label: HTMLElement) => (label.querySelector('select') as HTMLSelectElement).value;

  const query = filterQuery(filter);
  const csvUrl = `/reports/discrepancies.csv${query ? `?${query}` : ''}`;
  const csvName = `discrepancies${filter.field ? `-${filter.field.toLowerCase()}` : ''}${filter.systems.length ? `-${filter.systems.join('-').toLowerCase()}` : ''}.csv`;
  const downloadMessage = h('span', { class: 'download-message', role: 'status' });
  const download = h(
    'a',
    {
      href: csvUrl,
      id: 'download-csv',
      class: 'button',
      download: csvName,
      onclick: (event: Event) => {
        // A plain link cannot carry the bearer token: fetch with it and save the blob.
        event.preventDefault();
        downloadMessage.textContent = 'Preparing the file...';
        downloadWithToken(csvUrl, csvName, context.session.token).then(
          () => (downloadMessage.textContent = ''),
          (error: Error) => downloadMessage.replaceChildren(errorBox(error.message)),
        );
      },
    },
    'Download CSV',
  );

  // One place for the whole report, so a refusal or a failure replaces the "Loading..." too.
  const counts = h('div', { id: 'discrepancy-counts' });
  const pairs = h('div', { id: 'discrepancy-pairs' });
  const more = h('div', { class: 'more' });
  const report = h('div', { id: 'discrepancy-report' }, h('p', { class: 'loading' }, 'Loading...'));

  const loadPage = (after: string | null) =>
    // The first page fills (or fails) the whole report; a later page only the "Load more" area.
    guarded(context, after === null ? report : more, async () => {
      const systems = filter.systems.length > 0 ? filter.systems : null;
      const { data } = await graphql<Report>(DISCREPANCY_REPORT, { field: filter.field || null, systems, first: PAGE_SIZE, after }, context.session.token);
      const page = data!.discrepancyReport;
      if (after === null) {
        counts.replaceChildren(
          h('p', { class: 'count', id: 'discrepancy-total' }, `${page.totalCount} disagreeing record pair${page.totalCount === 1 ? '' : 's'}`),
          page.counts.length === 0
            ? h('p', { class: 'empty' }, 'No discrepancies for this filter.')
            : table(
                ['Field', 'Systems', 'Pairs'],
                page.counts.map((c) => [
                  formatEnum(c.field),
                  `${systemLabel(c.systemA)} / ${systemLabel(c.systemB)}`,
                  h('a', { href: `#/discrepancies?${filterQuery({ field: c.field, systems: [c.systemA, c.systemB] })}` }, String(c.count)),
                ]),
                { class: 'counts-table' },
              ),
        );
        pairs.replaceChildren(h('table', { class: 'pairs-table' }, h('thead', {}, h('tr', {}, ['Customer', 'Field', 'System A', 'Says', 'System B', 'Says', 'Served', 'Rule'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {})));
        report.replaceChildren(counts, pairs);
      }
      const body = pairs.querySelector('tbody');
      for (const { node: d } of page.edges) {
        body?.append(
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/customer/${encodeURIComponent(d.customer.id)}/sources` }, d.customerName ?? d.customer.id), d.customerName ? h('small', { class: 'customer-id' }, d.customer.id) : null),
            h('td', {}, formatEnum(d.field)),
            h('td', {}, systemLabel(d.systemA), h('small', {}, ` ${d.localIdA}`)),
            sideCell(d.valueA, d.normalizedValueA, d.changedAtA),
            h('td', {}, systemLabel(d.systemB), h('small', {}, ` ${d.localIdB}`)),
            sideCell(d.valueB, d.normalizedValueB, d.changedAtB),
            h('td', { class: 'served' }, d.servedValue ?? h('span', { class: 'empty' }, 'none')),
            h('td', {}, d.servedRule ? h('code', {}, d.servedRule) : ''),
          ),
        );
      }
      more.replaceChildren(page.pageInfo.hasNextPage ? h('button', { type: 'button', class: 'secondary', onclick: () => void loadPage(page.pageInfo.endCursor) }, 'Load more') : '');
    });
  void loadPage(null);

  return h(
    'main',
    { class: 'discrepancies' },
    h('h2', {}, 'Discrepancy report'),
    h('p', {}, 'Pairs of records of one customer that disagree on a profile field, after normalisation.'),
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const systems = [read(systemA), read(systemB)].filter((s) => s !== '');
          context.navigate(`#/discrepancies?${filterQuery({ field: read(fieldSelect), systems: [...new Set(systems)] })}`);
        },
      },
      fieldSelect,
      systemA,
      systemB,
      h('button', { type: 'submit', id: 'apply-filter' }, 'Apply'),
      download,
      downloadMessage,
    ),
    report,
    more,
  );
}

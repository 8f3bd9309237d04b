import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { neutraliseCsvCell } from '../csvCell';
import type { GatewayPlugin } from './gatewayPlugin';

const PAGE_SIZE = 100;
/**
 * One row per discrepancy: who (id and display name), both sides raw and normalised with when
 * each changed (empty when the system does not say), and the value the graph serves with its rule.
 */
export const DISCREPANCY_CSV_COLUMNS = [
  'customerId', 'customerName', 'field',
  'systemA', 'localIdA', 'valueA', 'normalizedValueA', 'changedAtA',
  'systemB', 'localIdB', 'valueB', 'normalizedValueB', 'changedAtB',
  'servedValue', 'servedRule',
] as const;
const COLUMNS = [...DISCREPANCY_CSV_COLUMNS];
const QUERY = `query DiscrepancyExport($field: ProfileField, $systems: [SourceSystem!], $first: Int, $after: String) {
  discrepancyReport(field: $field, systems: $systems, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { customer { id } customerName field systemA localIdA valueA normalizedValueA changedAtA systemB localIdB valueB normalizedValueB changedAtB servedValue servedRule } }
  }
}`;

type Page = {
  data?: { discrepancyReport?: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Record<string, unknown> & { customer: { id: string } } }> } };
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
};

/**
 * GET /reports/discrepancies.csv[?field=EMAIL&systems=CORE_BANKING,CALL_CENTER]: the auditors'
 * discrepancy report as CSV, streamed in constant memory. It pages through the GraphQL report on
 * this same gateway with the caller's own credentials, so authentication, the field policy and
 * the audit trail apply exactly as they do to the query; one page is in memory at a time and the
 * socket's backpressure paces the paging. Every cell is neutralised against formula injection
 * (gateway/csvCell.ts): the values are what legacy systems hold, and anyone could have typed them.
 */
export function useDiscrepancyCsv(): GatewayPlugin {
  return { name: 'discrepancy-csv', routes: [{ method: 'GET', path: '/reports/discrepancies.csv', handle: exportCsv }] };
}

async function exportCsv(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  const field = url.searchParams.get('field') || null;
  const systems = url.searchParams.get('systems')?.split(',').filter(Boolean) ?? null;
  const self = `http://127.0.0.1:${req.socket.localPort}/graphql`;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'apollo-require-preflight': 'true' };
  for (const name of ['authorization', 'x-request-id']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const fetchPage = async (after: string | null): Promise<{ status: number; page: Page }> => {
    const response = await fetch(self, { method: 'POST', headers, body: JSON.stringify({ query: QUERY, variables: { field, systems, first: PAGE_SIZE, after } }) });
    return { status: response.status, page: (await response.json()) as Page };
  };

  const first = await fetchPage(null);
  const status = first.status;
  let page = first.page;
  const failure = page.errors?.[0];
  if (status !== 200 || failure || !page.data?.discrepancyReport) {
    const code = failure?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const httpStatus = status !== 200 ? status : code === 'FORBIDDEN' ? 403 : code === 'UNAUTHENTICATED' ? 401 : code === 'BAD_USER_INPUT' ? 400 : 502;
    res.writeHead(httpStatus, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: failure?.message ?? 'report unavailable', extensions: { code } }] }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="discrepancies.csv"' });
  const csv = stringify({ header: true, columns: COLUMNS });
  csv.pipe(res);
  for (;;) {
    const report = page.data!.discrepancyReport!;
    for (const { node } of report.edges) {
      const row = COLUMNS.map((column) => neutraliseCsvCell(column === 'customerId' ? node.customer.id : node[column]));
      if (!csv.write(row)) await once(csv, 'drain');
    }
    if (!report.pageInfo.hasNextPage) break;
    ({ page } = await fetchPage(report.pageInfo.endCursor));
    if (page.errors?.length || !page.data?.discrepancyReport) {
      // Headers are gone: end the file visibly broken rather than silently short.
      csv.write(['ERROR: report interrupted; download again']);
      break;
    }
  }
  csv.end();
  await once(res, 'finish');
}

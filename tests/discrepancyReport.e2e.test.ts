import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { authHeaders, callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

/**
 * The discrepancy report an auditor can act on: each row names the customer, gives both sides
 * raw and normalised with when they changed, and the value the graph serves with its rule. The
 * served value and rule are checked against the golden profile the profile subgraph computes
 * from live reads (a different path from the identity store the report is read from).
 */
callAs('auditor', 'the discrepancy report is the auditors\' tool, and its served values need every class');

const REPORT = `query Report($field: ProfileField) {
  discrepancyReport(field: $field, first: 20) {
    edges { node { customer { id } customerName field systemA localIdA valueA normalizedValueA changedAtA systemB localIdB valueB normalizedValueB changedAtB servedValue servedRule } }
  }
}`;
const PROFILE = `query P($id: ID!) { customer(id: $id) { profile {
  fullName { value }
  email { value rule candidates { system localId value normalizedValue asOf } }
} } }`;

/** RFC 4180 rows (quoted cells, doubled quotes), for reading the file back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

type Node = Record<string, string | null> & { customer: { id: string } };
type Candidate = { system: string; localId: string; value: string; normalizedValue: string; asOf: string | null };

describe('the discrepancy report, with what an auditor needs to act', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    const { dataset } = await testDataset();
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('names the customer and gives each side normalised and changed-at, and the served value with its rule', async () => {
    const report = await postGraphQL<{ discrepancyReport: { edges: Array<{ node: Node }> } }>(stack.gateway.url, REPORT, { field: 'EMAIL' });
    expect(report.errors).toBeUndefined();
    const nodes = report.data!.discrepancyReport.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes.slice(0, 8)) {
      const profile = (await postGraphQL<{ customer: { profile: { fullName: { value: string }; email: { value: string; rule: string; candidates: Candidate[] } } } }>(stack.gateway.url, PROFILE, { id: node.customer.id })).data!.customer.profile;
      expect(node.customerName).toBe(profile.fullName.value);
      expect(node.servedValue).toBe(profile.email.value);
      expect(node.servedRule).toBe(profile.email.rule);
      for (const side of ['A', 'B'] as const) {
        const candidate = profile.email.candidates.find((c) => c.system === node[`system${side}`] && c.localId === node[`localId${side}`] && c.value === node[`value${side}`])!;
        expect(candidate).toBeDefined();
        expect(node[`normalizedValue${side}`]).toBe(candidate.normalizedValue);
        expect(node[`changedAt${side}`]).toBe(candidate.asOf);
      }
      // Independently of the code: an email normalises to its trimmed lower case.
      expect(node.normalizedValueA).toBe(node.valueA!.trim().toLowerCase());
      expect(node.normalizedValueA).not.toBe(node.normalizedValueB);
    }
  });

  it('puts the same columns in the CSV, every cell neutralised', async () => {
    const response = await fetch(stack.gateway.url.replace('/graphql', '/reports/discrepancies.csv?field=EMAIL'), { headers: await authHeaders('auditor') });
    expect(response.status).toBe(200);
    const [header, ...lines] = parseCsv(await response.text());
    const rows = lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
    expect(header).toEqual([
      'customerId', 'customerName', 'field', 'systemA', 'localIdA', 'valueA', 'normalizedValueA', 'changedAtA',
      'systemB', 'localIdB', 'valueB', 'normalizedValueB', 'changedAtB', 'servedValue', 'servedRule',
    ]);
    const graph = (await postGraphQL<{ discrepancyReport: { edges: Array<{ node: Node }> } }>(stack.gateway.url, REPORT, { field: 'EMAIL' })).data!.discrepancyReport.edges[0].node;
    expect(rows[0]).toMatchObject({ customerId: graph.customer.id, customerName: graph.customerName, servedRule: graph.servedRule, changedAtA: graph.changedAtA ?? '' });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

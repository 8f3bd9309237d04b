import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildConsole } from '../console/buildConsole';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { tokenFor } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

/**
 * The console and the explorer in a real browser (Debian's Chromium driven by playwright-core)
 * against the whole stack: sign in, search, 360 view, the Sources comparison with a conflict,
 * the discrepancy report and its CSV download, the audit trail, a role that may not see
 * everything, and GraphiQL. Every request the pages make must stay on the gateway's origin
 * (the console has to work on a closed network). Screenshots go to test-artifacts/console/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', 'test-artifacts', 'console');
const CSV_HEADER = 'customerId,field,systemA,localIdA,valueA,systemB,localIdB,valueB';

type ConflictCustomer = { id: string; name: string; field: string };

describe('agents and auditors console (browser)', () => {
  let stack: RunningStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The gateway lists console/dist when it starts, so the build comes first.
    await buildConsole();
    const { dataset } = await testDataset();
    [stack, browser] = await Promise.all([
      startTestStack(dataset),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
    origin = new URL(stack.gateway.url).origin;
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
    // Offline means offline: anything not on the gateway's origin is recorded and refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      offOrigin.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  async function signIn(role: string): Promise<void> {
    await page.goto(`${origin}/console`);
    // Start signed out whatever the previous step left in the tab.
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('#token').fill(await tokenFor(role, { subject: `console-${role}` }));
    await page.locator('#sign-in').click();
    await page.locator('#whoami .badge.role', { hasText: role }).waitFor();
  }

  // A customer whose email differs between systems, preferably known to all four (a fuller 360 view).
  let conflictCustomerFound: Promise<ConflictCustomer> | undefined;
  const conflictCustomer = () => (conflictCustomerFound ??= findConflictCustomer());
  async function findConflictCustomer(): Promise<ConflictCustomer> {
    const report = await postGraphQL<{ discrepancyReport: { edges: Array<{ node: { customer: { id: string } } }> } }>(
      stack.gateway.url,
      '{ discrepancyReport(field: EMAIL, first: 50) { edges { node { customer { id } } } } }',
    );
    const candidates: Array<ConflictCustomer & { systems: number }> = [];
    for (const id of new Set(report.data!.discrepancyReport.edges.map((e) => e.node.customer.id))) {
      const answer = await postGraphQL<{ customer: { sourceKeys: Array<{ system: string }>; profile: { fullName: { value: string | null }; email: { conflict: boolean } } } }>(
        stack.gateway.url,
        'query($id: ID!) { customer(id: $id) { sourceKeys { system } profile { fullName { value } email { conflict } } } }',
        { id },
      );
      const customer = answer.data?.customer;
      if (!customer?.profile.email.conflict || !customer.profile.fullName.value) continue;
      candidates.push({ id, name: customer.profile.fullName.value, field: 'email', systems: new Set(customer.sourceKeys.map((k) => k.system)).size });
    }
    candidates.sort((a, b) => b.systems - a.systems);
    if (!candidates[0]) throw new Error('the test population has no customer with an email conflict');
    return candidates[0];
  }

  it('lets an auditor find a customer, see the conflicting sources, download the discrepancy CSV and read the audit trail', async () => {
    const target = await conflictCustomer();

    await page.goto(`${origin}/console`);
    await page.locator('#token').waitFor();
    await shot('01-sign-in');

    await signIn('auditor');
    await page.locator('#search-text').fill(target.name);
    await page.locator('#search-button').click();
    const result = page.locator(`a.result[data-customer-id="${target.id}"]`);
    await result.waitFor();
    await shot('02-search-results');

    await result.click();
    await page.locator('[data-section="profile"] table').waitFor();
    await page.locator('[data-section="accounts"] table, [data-section="accounts"] .empty').first().waitFor();
    expect(await page.locator('#customer-name').textContent()).toBe(target.name);
    await shot('03-customer-360');

    await page.locator('#tab-sources').click();
    const conflictRow = page.locator(`#sources-table tr.conflict[data-field="${target.field}"]`);
    await conflictRow.waitFor();
    await expect(conflictRow.locator('.conflict-badge').isVisible()).resolves.toBe(true);
    expect(await conflictRow.locator('.conflict-badge').textContent()).toBe('Conflict');
    // One record is marked as the one served, and at least one disagrees with it.
    expect(await conflictRow.locator('.candidate.winner').count()).toBe(1);
    expect(await conflictRow.locator('.candidate.differs').count()).toBeGreaterThan(0);
    await shot('04-sources-conflict');

    await page.locator('#nav-discrepancies').click();
    await page.locator('#filter-field').selectOption('EMAIL');
    await page.locator('#apply-filter').click();
    await page.waitForFunction(() => location.hash.includes('field=EMAIL'));
    await page.locator('#discrepancy-total').waitFor();
    await page.locator('.pairs-table tbody tr').first().waitFor();
    await shot('05-discrepancy-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(download.suggestedFilename()).toBe('discrepancies-email.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split(',')[1] === 'EMAIL')).toBe(true);

    // The audit trail shows this session's own look at the customer.
    await page.locator('#nav-audit').click();
    await expect(page.locator('#audit-customer').inputValue()).resolves.toBe(target.id);
    await page.locator('#audit-load').click();
    const trail = page.locator('#audit-table');
    await trail.waitFor();
    expect(await trail.textContent()).toContain('ConsoleCustomer360');
    expect(await trail.textContent()).toContain('console-auditor');
    await shot('06-audit-trail');
  });

  it('shows a call-center agent what the role may see, says "not permitted" for the rest, and hides the audit trail', async () => {
    await page.locator('#sign-out').click();
    await page.locator('#token').waitFor();
    await signIn('call-center-agent');
    const target = await conflictCustomer();
    await page.goto(`${origin}/console#/customer/${encodeURIComponent(target.id)}`);
    await page.locator('[data-section="profile"] table').waitFor();
    // Accounts are FINANCIAL: refused for this role, shown as such instead of breaking the page.
    await page.locator('[data-section="accounts"] .problem-forbidden', { hasText: 'not permitted for your role' }).waitFor();
    expect(await page.locator('#forbidden-notice').textContent()).toContain('Not permitted for your role');
    expect(await page.locator('#customer-name').textContent()).toBe(target.name);
    expect(await page.locator('#nav-audit').count()).toBe(0);
    await shot('07-agent-not-permitted');
  });

  it('serves GraphiQL offline with the signed-in token in its headers, and runs the reference operation', async () => {
    await signIn('auditor');
    const target = await conflictCustomer();
    const introspection = page.waitForResponse((r) => r.url() === stack.gateway.url && (r.request().postData() ?? '').includes('__schema'));
    // The console's "open in explorer" link: the variables come prefilled with the customer id.
    await page.goto(`${origin}/explorer?id=${encodeURIComponent(target.id)}`);
    await page.locator('.graphiql-container').waitFor();
    expect((await introspection).status()).toBe(200);
    await page.locator('.graphiql-query-editor').getByText('Customer360').first().waitFor();

    const execution = page.waitForResponse((r) => r.url() === stack.gateway.url && (r.request().postData() ?? '').includes('"operationName":"Customer360"'));
    await page.locator('.graphiql-execute-button').click();
    const answer = (await (await execution).json()) as { data?: { customer?: { id: string } } };
    expect(answer.data?.customer?.id).toBe(target.id);
    await page.locator('.graphiql-response').getByText(target.id).first().waitFor();
    await shot('08-explorer');

    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

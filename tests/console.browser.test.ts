import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildConsole } from '../console/buildConsole';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { authHeaders, callAs, tokenFor } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

/**
 * The console and the explorer in a real browser (Debian's Chromium driven by playwright-core)
 * against the whole stack: sign in, search, 360 view with the insights, the Sources comparison
 * with a conflict, the discrepancy report and its CSV download, the audit trail, booking a
 * callback, every staff role's view of the same customer, and GraphiQL. Every request the pages
 * make must stay on the gateway's origin (the console has to work on a closed network).
 * Screenshots go to test-artifacts/console/ (one per view per role in roles/).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', 'test-artifacts', 'console');
const CSV_HEADER = 'customerId,customerName,field,systemA,localIdA,valueA,normalizedValueA,changedAtA,systemB,localIdB,valueB,normalizedValueB,changedAtB,servedValue,servedRule';
/** A time the console shows: the bank's wall clock with its zone named. */
const BANK_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}(–\d{2}:\d{2})? (GMT|BST)/;

/** The bank's staff roles, and what each may read (gateway/auth/fieldPolicy.ts), written out by hand. */
// What each staff role reads, written down from the bank's policy (not read from fieldPolicy.ts):
// FINANCIAL states money, INSIGHT is the stage and the actions without amounts.
const STAFF: Array<{ role: string; financial: boolean; insight: boolean; audit: boolean; books: boolean }> = [
  { role: 'teller', financial: true, insight: true, audit: false, books: false },
  { role: 'call-center-agent', financial: false, insight: true, audit: false, books: true },
  { role: 'relationship-manager', financial: true, insight: true, audit: false, books: true },
  { role: 'auditor', financial: true, insight: true, audit: true, books: false },
  { role: 'data-steward', financial: false, insight: false, audit: true, books: false },
];

type TargetCustomer = { id: string; name: string; field: string; slots: number; openCases: number; systems: string[] };


// The browser signs in as each staff role with its own token; the test's own queries behind the
// scenes (choosing customers, checking what a booking did) read every class.
callAs('auditor', 'the checks behind the browser read whatever the roles under test may see');
describe('agents and auditors console (browser)', () => {
  let stack: RunningStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let dataset: Dataset;
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(path.join(SHOTS, 'roles'), { recursive: true });
    // The gateway lists console/dist when it starts, so the build comes first (a no-op when up to date).
    await buildConsole();
    ({ dataset } = await testDataset());
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

  /** The 360 overview of `id`, waited for until every card has left "Loading...". */
  async function openOverview(id: string): Promise<void> {
    await page.goto(`${origin}/console#/customer/${encodeURIComponent(id)}`);
    await overviewSettled();
  }

  /**
   * Every card of the overview has left "Loading...". The insights card fills in after its own
   * request and moves the cards below it: a click while it does can land on another element.
   */
  async function overviewSettled(): Promise<void> {
    await page.locator('[data-section="profile"] table').waitFor();
    await page.locator('[data-section="insights"] h4').first().waitFor();
    await expect(page.locator('.loading').count()).resolves.toBe(0);
  }

  // A customer whose email differs between systems, known to as many systems as possible, with an
  // open complaint and free slots of a relationship manager: every part of the console has something to show.
  let targetFound: Promise<TargetCustomer> | undefined;
  const target = () => (targetFound ??= findTarget());
  async function findTarget(): Promise<TargetCustomer> {
    const report = await postGraphQL<{ discrepancyReport: { edges: Array<{ node: { customer: { id: string } } }> } }>(
      stack.gateway.url,
      '{ discrepancyReport(field: EMAIL, first: 100) { edges { node { customer { id } } } } }',
    );
    const candidates: TargetCustomer[] = [];
    for (const id of new Set(report.data!.discrepancyReport.edges.map((e) => e.node.customer.id))) {
      const answer = await postGraphQL<{
        customer: { sourceKeys: Array<{ system: string }>; profile: { fullName: { value: string | null }; email: { conflict: boolean } }; openCases: unknown[] | null; advisor: { freeSlots: unknown[] } | null };
      }>(stack.gateway.url, 'query($id: ID!) { customer(id: $id) { sourceKeys { system } profile { fullName { value } email { conflict } } openCases { id } advisor { freeSlots(first: 6) { id } } } }', { id });
      const customer = answer.data?.customer;
      if (!customer?.profile.email.conflict || !customer.profile.fullName.value) continue;
      candidates.push({
        id,
        name: customer.profile.fullName.value,
        field: 'email',
        systems: [...new Set(customer.sourceKeys.map((k) => k.system))],
        slots: customer.advisor?.freeSlots.length ?? 0,
        openCases: customer.openCases?.length ?? 0,
      });
    }
    const score = (c: (typeof candidates)[number]) => c.systems.length * 100 + (c.slots >= 3 ? 10 : 0) + (c.openCases > 0 ? 1 : 0);
    candidates.sort((a, b) => score(b) - score(a));
    if (!candidates[0] || candidates[0].slots < 3) throw new Error('the test population has no customer with an email conflict and three free slots');
    return candidates[0];
  }

  it('lets an auditor find a customer, see the conflicting sources, download the discrepancy CSV and read the audit trail', async () => {
    const customer = await target();

    await page.goto(`${origin}/console`);
    await page.locator('#token').waitFor();
    await shot('01-sign-in');

    await signIn('auditor');
    await page.locator('#search-text').fill(customer.name);
    await page.locator('#search-button').click();
    const result = page.locator(`a.result[data-customer-id="${customer.id}"]`);
    await result.waitFor();
    await shot('02-search-results');

    await result.click();
    await page.locator('[data-section="profile"] table').waitFor();
    await page.locator('[data-section="accounts"] table, [data-section="accounts"] .empty').first().waitFor();
    await page.locator('#lifecycle-stage').waitFor();
    expect(await page.locator('#customer-name').textContent()).toBe(customer.name);
    // The name as people write it: given name first, not the mainframe's capitals.
    for (const word of customer.name.split(' ')) expect(word).toMatch(/\p{Ll}/u);
    await shot('03-customer-360');

    await page.locator('#tab-sources').click();
    const conflictRow = page.locator(`#sources-table tr.conflict[data-field="${customer.field}"]`);
    await conflictRow.waitFor();
    await expect(conflictRow.locator('.conflict-badge').isVisible()).resolves.toBe(true);
    expect(await conflictRow.locator('.conflict-badge').textContent()).toBe('Conflict');
    // One record is marked as the one served, and at least one disagrees with it.
    expect(await conflictRow.locator('.candidate.winner').count()).toBe(1);
    expect(await conflictRow.locator('.candidate.differs').count()).toBeGreaterThan(0);
    expect(await conflictRow.locator('.candidate small').first().textContent()).toMatch(BANK_TIME);
    // A system the crosswalk lists is never "no record"; one it does not list always is.
    for (const system of ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER']) {
      const state = await conflictRow.locator(`td[data-system="${system}"]`).getAttribute('data-state');
      if (customer.systems.includes(system)) expect(state).not.toBe('no-record');
      else expect(state).toBe('no-record');
    }
    await shot('04-sources-conflict');

    await page.locator('#nav-discrepancies').click();
    await page.locator('#filter-field').selectOption('EMAIL');
    await page.locator('#apply-filter').click();
    await page.waitForFunction(() => location.hash.includes('field=EMAIL'));
    await page.locator('#discrepancy-total').waitFor();
    await page.locator('.pairs-table tbody tr').first().waitFor();
    // Auditors act on a row: the customer by name, each side's normalised value and change time, what is served and why.
    expect(await page.locator('.pairs-table thead th').allTextContents()).toEqual(['Customer', 'Field', 'System A', 'Says', 'System B', 'Says', 'Served', 'Rule']);
    const firstRow = page.locator('.pairs-table tbody tr').first();
    expect(await firstRow.locator('td a').first().textContent()).not.toMatch(/^cust_/);
    expect(await firstRow.locator('td.differs .changed-at').first().textContent()).toMatch(new RegExp(`${BANK_TIME.source}|change time not given`));
    expect(await firstRow.locator('td code').last().textContent()).toMatch(/^[A-Z_]+$/);
    await shot('05-discrepancy-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(download.suggestedFilename()).toBe('discrepancies-email.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'EMAIL')).toBe(true);

    // The audit trail shows this session's own look at the customer, on the bank's clock.
    await page.locator('#nav-audit').click();
    await expect(page.locator('#audit-customer').inputValue()).resolves.toBe(customer.id);
    await page.locator('#audit-load').click();
    const trail = page.locator('#audit-table');
    await trail.waitFor();
    expect(await trail.textContent()).toContain('ConsoleCustomer360');
    expect(await trail.textContent()).toContain('console-auditor');
    expect(await trail.locator('tbody tr td').first().textContent()).toMatch(BANK_TIME);
    await shot('06-audit-trail');
  });

  it('marks golden fields chosen while a system was down, and says "unavailable" for it in Sources', async () => {
    const customer = await target();
    const erp = customer.systems.includes('ERP') ? 'ERP' : customer.systems.find((s) => s !== 'CORE_BANKING')!;
    const simulator = stack.simulators[erp as 'ERP'];
    const setDown = async (down: boolean) => {
      const response = await fetch(`${simulator.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ down }) });
      expect(response.status).toBe(200);
    };
    await signIn('auditor');
    await setDown(true);
    try {
      await page.goto(`${origin}/console#/customer/${encodeURIComponent(customer.id)}`);
      const badge = page.locator('[data-section="profile"] .incomplete-badge').first();
      await badge.waitFor();
      expect(await badge.textContent()).toMatch(/unavailable/);
      await shot('15-incomplete-golden-fields');
      await page.locator('#tab-sources').click();
      await page.locator('#sources-table').waitFor();
      expect(await page.locator(`#sources-table td[data-system="${erp}"][data-state="unavailable"]`).count()).toBeGreaterThan(0);
      expect(await page.locator('#sources-table th .incomplete-badge').count()).toBeGreaterThan(0);
      await shot('16-sources-system-unavailable');
    } finally {
      await setDown(false);
    }
    // Wait until the system answers again (its breaker half-opens), so later steps see it whole.
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await postGraphQL<{ customer: { profile: { fullName: { complete: boolean } } } }>(stack.gateway.url, 'query($id: ID!) { customer(id: $id) { profile { fullName { complete } } } }', { id: customer.id });
      if (answer.data?.customer.profile.fullName.complete) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it('books a callback from the console: slots as buttons, a confirmation, one booking for a double click, shown at once; a taken slot is said plainly', async () => {
    const customer = await target();
    await signIn('call-center-agent');
    await openOverview(customer.id);
    const advisor = page.locator('[data-section="advisor"]');
    const slots = advisor.locator('button.slot');
    expect(await slots.count()).toBeGreaterThanOrEqual(3);
    expect(await slots.first().textContent()).toMatch(BANK_TIME);
    await advisor.scrollIntoViewIfNeeded();
    await shot('10-booking-slots');

    const bookings: string[] = [];
    page.on('request', (request) => {
      if ((request.postData() ?? '').includes('ConsoleScheduleCallback')) bookings.push(request.postData()!);
    });
    const slotId = (await slots.first().getAttribute('data-slot-id'))!;
    const slotTime = (await slots.first().textContent())!;
    await slots.first().click();
    const confirmation = advisor.locator('.confirm-box');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain(slotTime);
    expect(await confirmation.textContent()).toContain(customer.name);
    await shot('11-booking-confirm');
    // Nothing is booked before the confirmation.
    expect(bookings).toHaveLength(0);

    await advisor.locator('#confirm-booking').dblclick();
    await advisor.locator('.booking-success').waitFor();
    expect(await advisor.locator('.booking-success').textContent()).toBe(`Booked: ${slotTime}.`);
    // At once in the 360 view: in the appointments, out of the free slots.
    const booked = advisor.locator('#appointments li.just-booked');
    expect(await booked.textContent()).toContain(slotTime);
    expect(await advisor.locator(`button.slot[data-slot-id="${slotId}"]`).count()).toBe(0);
    await shot('12-booking-booked');
    // One request for two clicks, and one appointment in the call center.
    expect(bookings).toHaveLength(1);
    const after = await postGraphQL<{ customer: { appointments: Array<{ slotId: string }> } }>(stack.gateway.url, 'query($id: ID!) { customer(id: $id) { appointments { slotId } } }', { id: customer.id });
    expect(after.data!.customer.appointments.filter((a) => a.slotId === slotId)).toHaveLength(1);
    // The 360 answer the console keeps has it too: the Sources tab and back still show it.
    await page.locator('#tab-sources').click();
    await page.locator('#sources-table').waitFor();
    await page.locator('#tab-overview').click();
    await advisor.locator('#appointments li', { hasText: slotTime }).waitFor();
    await overviewSettled();

    // Another agent takes the next slot while this one is confirming it.
    const nextSlot = advisor.locator('button.slot').first();
    const takenId = (await nextSlot.getAttribute('data-slot-id'))!;
    await nextSlot.click();
    await confirmation.waitFor();
    const other = await postGraphQL<{ scheduleCallback: { appointment: { slotId: string } | null } }>(
      stack.gateway.url,
      'mutation($input: ScheduleCallbackInput!) { scheduleCallback(input: $input) { appointment { slotId } } }',
      { input: { customerId: customer.id, slotId: takenId, idempotencyKey: `another-agent-${takenId}` } },
      await authHeaders('relationship-manager'),
    );
    expect(other.data!.scheduleCallback.appointment?.slotId).toBe(takenId);
    await advisor.locator('#confirm-booking').click();
    const refused = advisor.locator('.booking-refused[data-code="SLOT_TAKEN"]');
    await refused.waitFor();
    expect(await refused.textContent()).toBe('This slot was just booked by someone else. Pick another free slot. (SLOT_TAKEN)');
    expect(await advisor.locator(`button.slot[data-slot-id="${takenId}"]`).count()).toBe(0);
    await shot('13-booking-slot-taken');

    // The customer gets another relationship manager (an operator edit in the call center) while
    // the agent confirms a slot of the old one.
    const view = await postGraphQL<{ customer: { sourceKeys: Array<{ system: string; localId: string }>; advisor: { id: string } } }>(
      stack.gateway.url,
      'query($id: ID!) { customer(id: $id) { sourceKeys { system localId } advisor { id } } }',
      { id: customer.id },
    );
    const before = view.data!.customer.advisor.id;
    const newAdvisor = dataset.advisors.find((a) => a.advisorId !== before)!.advisorId;
    const contacts = view.data!.customer.sourceKeys.filter((k) => k.system === 'CALL_CENTER').map((k) => k.localId);
    const reassign = (advisorId: string) =>
      Promise.all(
        contacts.map((contactId) =>
          fetch(`${stack.simulators.CALL_CENTER.url}/__admin/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contactId, changes: { advisorId } }) }),
        ),
      );
    await advisor.locator('button.slot').first().click();
    await confirmation.waitFor();
    await reassign(newAdvisor);
    try {
      await advisor.locator('#confirm-booking').click();
      const notTheirs = advisor.locator('.booking-refused[data-code="SLOT_NOT_OF_ADVISOR"]');
      await notTheirs.waitFor();
      expect(await notTheirs.textContent()).toBe("This slot is not in the relationship manager's calendar (the customer may have a new advisor). Refresh and pick again. (SLOT_NOT_OF_ADVISOR)");
      await shot('14-booking-slot-not-of-advisor');
    } finally {
      await reassign(before);
    }
  });

  for (const staff of STAFF) {
    it(`shows a ${staff.role} what the graph knows, says "hidden for your role" for the rest, and leaves nothing loading`, async () => {
      const customer = await target();
      const shotFor = (n: number, view: string) => shot(`roles/${staff.role}-${n}-${view}`);
      await signIn(staff.role);
      expect(await page.locator('#time-zone').textContent()).toBe('Times: Europe/London');

      await page.locator('#search-text').fill(customer.name);
      await page.locator('#search-button').click();
      await page.locator(`a.result[data-customer-id="${customer.id}"]`).waitFor();
      await shotFor(1, 'search');

      await openOverview(customer.id);
      expect(await page.locator('#customer-name').textContent()).toBe(customer.name);
      const insights = page.locator('[data-section="insights"]');
      // The stage and the actions are for staff who serve (INSIGHT); their reasons, the tier and
      // the value state money (FINANCIAL).
      if (staff.insight) await insights.locator('#lifecycle-stage').waitFor();
      else {
        await insights.locator('.problem-forbidden', { hasText: 'hidden for your role' }).first().waitFor();
        expect(await insights.locator('#lifecycle-stage').count()).toBe(0);
        expect(await insights.locator('#next-best-actions').count()).toBe(0);
      }
      if (staff.financial) {
        expect(await insights.locator('#segment-tier').textContent()).toMatch(/^(Gold|Silver|Bronze)$/);
        expect(await insights.locator('#segment-reasons li').count()).toBeGreaterThan(0);
        expect(await insights.locator('#lifecycle-reasons li').count()).toBeGreaterThan(0);
        expect(await insights.locator('#relationship-value').textContent()).toMatch(/\d GBP/);
        await expect(page.locator('[data-section="accounts"] table').count()).resolves.toBe(1);
      } else {
        // A hidden tier is never a badge, and never reads "No tier".
        expect(await insights.locator('#segment-tier').count()).toBe(0);
        expect(await insights.locator('.problem-forbidden', { hasText: 'Tier hidden for your role' }).count()).toBe(1);
        expect(await insights.textContent()).not.toMatch(/no tier/i);
        expect(await insights.locator('#relationship-value').count()).toBe(0);
        expect(await insights.locator('.problem-forbidden', { hasText: 'Reasons hidden for your role' }).count()).toBe(staff.insight ? 2 : 1);
        await page.locator('[data-section="accounts"] .problem-forbidden', { hasText: 'hidden for your role' }).waitFor();
        expect(await page.locator('#forbidden-notice').textContent()).toContain('Hidden for your role');
      }
      if (customer.openCases > 0 && staff.insight) {
        // An open complaint, however old, is an action with its reason.
        const followUp = insights.locator('[data-action="FOLLOW_UP_COMPLAINT"]');
        expect(await followUp.locator('strong').textContent()).toBe('Follow up the open complaint with the customer');
        if (staff.financial) expect(await followUp.locator('.reason').textContent()).toMatch(/^Why: (a complaint is|\d+ complaints are) open/);
        else expect(await followUp.locator('.problem-forbidden').textContent()).toBe('Reason hidden for your role');
      }
      expect(await page.locator('[data-section="cases"] td, [data-section="interactions"] .when').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(BANK_TIME)]));
      expect(await page.locator('[data-section="advisor"] button.slot').count() > 0).toBe(staff.books);
      await shotFor(2, 'customer-360');

      await page.locator('#tab-sources').click();
      await page.locator('#sources-table').waitFor();
      await shotFor(3, 'sources');

      await page.locator('#nav-discrepancies').click();
      const report = page.locator('#discrepancy-report');
      if (staff.audit) await report.locator('#discrepancy-total').waitFor();
      else await report.locator('.error-box', { hasText: 'Not permitted for your role' }).waitFor();
      // Whatever the answer, nothing is left saying "Loading...".
      expect(await page.locator('.loading').count()).toBe(0);
      await shotFor(4, 'discrepancies');

      expect(await page.locator('#nav-audit').count()).toBe(staff.role === 'auditor' ? 1 : 0);
      if (staff.role === 'auditor') {
        await page.locator('#nav-audit').click();
        await page.locator('#audit-load').click();
        await page.locator('#audit-table').waitFor();
        await shotFor(5, 'audit-trail');
      }
    });
  }

  it('shows a relationship manager the customer’s mortgages, a joint loan as such, with the business date of its file, and counts them in the relationship value', async () => {
    const joint = dataset.mortgages.flatMap((b) => b.loans).filter((l) => l.status === 'OPEN' && l.borrowerIds.length === 2).sort((a, b) => a.loanId.localeCompare(b.loanId));
    let id: string | null = null;
    let loan = joint[0];
    for (const candidate of joint) {
      const found = await postGraphQL<{ customerBySourceKey: { id: string } | null }>(stack.gateway.url, 'query($l: String!){ customerBySourceKey(system: MORTGAGES, localId: $l){ id } }', { l: candidate.borrowerIds[0] });
      if (found.data?.customerBySourceKey) {
        id = found.data.customerBySourceKey.id;
        loan = candidate;
        break;
      }
    }
    expect(id).not.toBeNull();
    // The full extract in the test stack's drop lists the open loans. Its business date is read from
    // the file the simulator wrote, not from the clock: a run that crosses midnight (UTC) between the
    // stack's start and this test would otherwise expect the next day's date.
    const fullFiles = readdirSync(fileURLToPath(stack.simulators.MORTGAGES.url)).filter((f) => /^MORTGAGES_FULL_\d{8}\.csv$/.test(f));
    expect(fullFiles).toHaveLength(1);
    const fullDate = fullFiles[0].replace(/^MORTGAGES_FULL_(\d{4})(\d{2})(\d{2})\.csv$/, '$1-$2-$3');
    await signIn('relationship-manager');
    await openOverview(id!);
    const row = page.locator('[data-section="mortgages"] tr', { hasText: loan.loanId });
    await expect(row.textContent()).resolves.toContain('Joint (Primary)');
    await expect(row.textContent()).resolves.toContain(fullDate);
    await expect(page.locator('[data-section="insights"]').textContent()).resolves.toContain('Mortgages');
    await shot('07-mortgages');
  });

  it('answers /favicon.ico and names the icon on its pages', async () => {
    const icon = await fetch(`${origin}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    // An ICO file starts with reserved 0, type 1 (icon).
    expect([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const svg = await fetch(`${origin}/console/favicon.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    for (const pagePath of ['/console', '/explorer']) expect(await (await fetch(`${origin}${pagePath}`)).text()).toContain('<link rel="icon" href="/console/favicon.svg"');
  });

  it('serves GraphiQL offline with the signed-in token in its headers, and runs the reference operation', async () => {
    await signIn('auditor');
    const customer = await target();
    const introspection = page.waitForResponse((r) => r.url() === stack.gateway.url && (r.request().postData() ?? '').includes('__schema'));
    // The console's "open in explorer" link: the variables come prefilled with the customer id.
    await page.goto(`${origin}/explorer?id=${encodeURIComponent(customer.id)}`);
    await page.locator('.graphiql-container').waitFor();
    expect((await introspection).status()).toBe(200);
    await page.locator('.graphiql-query-editor').getByText('Customer360').first().waitFor();

    const execution = page.waitForResponse((r) => r.url() === stack.gateway.url && (r.request().postData() ?? '').includes('"operationName":"Customer360"'));
    await page.locator('.graphiql-execute-button').click();
    const answer = (await (await execution).json()) as { data?: { customer?: { id: string } } };
    expect(answer.data?.customer?.id).toBe(customer.id);
    await page.locator('.graphiql-response').getByText(customer.id).first().waitFor();
    await shot('08-explorer');

    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

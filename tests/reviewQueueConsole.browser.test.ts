import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildConsole } from '../console/buildConsole';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { adminEdit, contactMoves } from './support/identityScenario';
import { authHeaders, tokenFor } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(__dirname, '..', 'test-artifacts', 'console');

/**
 * The review queue screen in a real browser against the whole stack: a data steward sees a
 * doubtful pair's two records side by side with the waterfall, keeps it apart after confirming
 * with a reason, and the pair is gone from the queue (asked of the graph, not of the page); an
 * auditor reads the queue without the buttons; a teller has no such screen. The doubtful pairs
 * are made as in reviewQueue.e2e.test.ts: contacts retyped with another customer's names.
 */
describe('review queue console (browser)', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await buildConsole();
    const { dataset } = await testDataset();
    [stack, browser] = await Promise.all([
      startTestStack(dataset),
      chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }),
    ]);
    for (const [n, move] of contactMoves(dataset, 12).entries()) {
      await adminEdit(stack.simulators, 'CALL_CENTER', { contactId: move.contactId, changes: { firstName: move.changes.firstName, lastName: move.changes.lastName, email: null, phone: `+44 7700 900${String(100 + n)}` } });
    }
    while ((await stack.identity.pollChanges()) > 0);
    origin = new URL(stack.gateway.url).origin;
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(role: string): Promise<void> {
    await page.goto(`${origin}/console`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('#token').fill(await tokenFor(role, { subject: `console-${role}` }));
    await page.locator('#sign-in').click();
    await page.locator('#whoami .badge.role', { hasText: role }).waitFor();
  }

  const queuedPairs = async () => {
    const answer = await postGraphQL<{ matchReviewQueue: { totalCount: number; edges: Array<{ node: { a: { system: string; localId: string }; b: { system: string; localId: string } } }> } }>(
      stack.gateway.url,
      'query { matchReviewQueue(first: 100) { totalCount edges { node { a { system localId } b { system localId } } } } }',
      {},
      await authHeaders('data-steward'),
    );
    return answer.data!.matchReviewQueue;
  };

  it('lets a data steward keep a pair apart after confirming, and the pair leaves the queue', async () => {
    const before = await queuedPairs();
    expect(before.totalCount).toBeGreaterThan(0);
    await signIn('data-steward');
    await page.locator('#nav-review').click();
    const card = page.locator('.review-pair').first();
    await card.waitFor();
    await expect(page.locator('#review-total').textContent()).resolves.toBe(`${before.totalCount} pair${before.totalCount === 1 ? '' : 's'} waiting for a steward`);
    const pairKey = (await card.getAttribute('data-pair'))!;
    // Both records side by side (the retyped names agree), the waterfall from the prior to the match weight.
    await expect(card.locator('.pair-records tbody tr').count()).resolves.toBe(7);
    await expect(card.locator('.waterfall tbody tr[data-comparison]').count()).resolves.toBe(10);
    await expect(card.locator('.waterfall tr.total').textContent()).resolves.toMatch(/match weight[+-]\d+\.\d{2}\d+\.\d %/);
    await page.screenshot({ path: path.join(SHOTS, 'review-queue.png'), fullPage: false });

    await card.locator('button.keep-apart').click();
    // Confirmation first: nothing is decided without a reason.
    await card.locator('button.confirm-decision').click();
    await expect(card.locator('.decided').count()).resolves.toBe(0);
    await card.locator('input.reason').fill('different people: checked with the call center');
    await card.locator('button.confirm-decision').click();
    await card.locator('.decided').waitFor();
    await expect(card.locator('.decided').textContent()).resolves.toMatch(/^Kept apart: the records are customers cust_\S+ and cust_\S+\. The pair has left the queue\.$/);

    const after = await queuedPairs();
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.edges.map((e) => `${e.node.a.system}:${e.node.a.localId}|${e.node.b.system}:${e.node.b.localId}`)).not.toContain(pairKey);
    expect(pageErrors).toEqual([]);
  });

  it('shows an auditor the queue read-only, and a teller no queue at all', async () => {
    await signIn('auditor');
    await page.locator('#nav-review').click();
    await page.locator('.review-pair').first().waitFor();
    await expect(page.locator('.review-pair button.link-pair').count()).resolves.toBe(0);
    await expect(page.locator('.review-pair .read-only').first().textContent()).resolves.toBe('Read only: data stewards decide.');

    await signIn('teller');
    await expect(page.locator('#nav-review').count()).resolves.toBe(0);
    await page.goto(`${origin}/console#/review`);
    await expect(page.locator('.review-pair').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

import type { AuditEvent } from './auditEvent';
import type { AuditStore } from './auditStore';
import { completeAuditEvent } from './recordAuditEvent';

// Instants one second apart from now: a store may rely on events being appended near their `at`
// (the Redis stream's ids are its own clock).
const base = Math.floor(Date.now() / 1000) * 1000;
const at = (second: number) => new Date(base + second * 1000).toISOString();

function access(second: number, customerIds: string[], subject = 'agent-1'): AuditEvent {
  return completeAuditEvent({ kind: 'ACCESS', at: at(second), subject, customerIds, channel: 'branch', roles: ['agent'], fieldClasses: ['PII'], operationName: 'Customer360', requestId: `req-${second}` });
}

/** The behaviour every audit store must have; each store's test runs it against a real store. */
export function describeAuditStoreContract(name: string, open: () => Promise<{ store: AuditStore; cleanup(): Promise<void> }>): void {
  describe(`${name} (audit store contract)`, () => {
    let store: AuditStore;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await open());
      for (let second = 0; second < 10; second += 1) await store.append(access(second, second % 2 === 0 ? ['cust_EVEN0000'] : ['cust_ODD00000', 'cust_EVEN0000']));
      await store.append(access(30, ['cust_ODD00000'], 'auditor-9'));
      await store.append(completeAuditEvent({ kind: 'STEWARD_DECISION', at: at(31), subject: 'steward-2', customerIds: ['cust_ODD00000'], action: 'UNLINK', reason: 'DIFFERENT_PERSON' }));
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('returns one customer\'s events oldest first, with every field as written', async () => {
      const page = await store.query({ customerId: 'cust_ODD00000', first: 50 });
      expect(page.hasNextPage).toBe(false);
      expect(page.events.map((e) => e.at)).toEqual([1, 3, 5, 7, 9, 30, 31].map(at));
      expect(page.events[0]).toMatchObject({ ...access(1, ['cust_ODD00000', 'cust_EVEN0000']), id: expect.any(String) });
      expect(page.events[6]).toMatchObject({ kind: 'STEWARD_DECISION', subject: 'steward-2', action: 'UNLINK', reason: 'DIFFERENT_PERSON' });
    });

    it('applies an inclusive time window', async () => {
      const page = await store.query({ customerId: 'cust_EVEN0000', from: new Date(at(2)), to: new Date(at(5)), first: 50 });
      expect(page.events.map((e) => e.at)).toEqual([2, 3, 4, 5].map(at));
    });

    it('pages with the last id as cursor, without gaps or repeats', async () => {
      const seen: string[] = [];
      let afterId: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await store.query({ customerId: 'cust_EVEN0000', first: 3, afterId });
        seen.push(...page.events.map((e) => e.at));
        if (!page.hasNextPage) break;
        afterId = page.events[page.events.length - 1].id;
      }
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(at));
    });

    it('finds nothing for an unknown customer and refuses a malformed event', async () => {
      expect(await store.query({ customerId: 'cust_NOBODY00', first: 5 })).toEqual({ events: [], hasNextPage: false });
      await expect(store.append({ ...access(40, ['cust_EVEN0000']), kind: 'DELETE' as never })).rejects.toThrow(/kind/);
    });
  });
}

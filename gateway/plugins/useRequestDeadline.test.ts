import pino from 'pino';
import { postGraphQL } from '../testing/testSubgraphs';
import { gatewayTestToken, startSecuredTestGateway, type SecuredTestGateway } from '../auth/testing/securedTestGateway';
import { useRequestDeadline } from './useRequestDeadline';
import type { SubgraphRequestOptions } from './gatewayPlugin';

describe('useRequestDeadline (real HTTP)', () => {
  let secured: SecuredTestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    secured = await startSecuredTestGateway({ deadlineMs: 2000 });
    auth = { authorization: `Bearer ${await gatewayTestToken('auditor')}` };
  });
  afterAll(() => secured?.close());

  it('answers DEADLINE_EXCEEDED when a subgraph holds the request past the deadline, then keeps serving', async () => {
    // 2 s: long enough that even a loaded machine reaches the subgraph before the deadline (with
    // 300 ms, planning alone sometimes took longer, the subgraph was never entered and the test hung).
    const held = postGraphQL(secured.gateway.url, { query: '{ slow }' }, auth);
    const entered = await Promise.race([secured.people.slowEntered.then(() => true), held.then(() => false)]);
    expect(entered).toBe(true);
    const { status, json } = await held;
    expect(status).toBe(504);
    expect(json.errors[0]).toEqual({ message: 'The request did not complete within 2000 ms', extensions: { code: 'DEADLINE_EXCEEDED' } });

    // The late answer is discarded without breaking the server.
    secured.people.release();
    const next = await postGraphQL(secured.gateway.url, { query: '{ person(id: "1") { id } }' }, auth);
    expect(next.json).toEqual({ data: { person: { id: '1' } } });
  });
});

describe('useRequestDeadline subgraph cutoff', () => {
  it('refuses to start a subgraph request once the cutoff has passed', () => {
    const plugin = useRequestDeadline({ deadlineMs: 1000 });
    const options = (cutoff: number) => ({ context: { log: pino({ level: 'silent' }), production: false, subgraphCutoffAt: cutoff } }) as unknown as SubgraphRequestOptions;
    expect(() => plugin.willSendSubgraphRequest?.(options(Date.now() + 60_000))).not.toThrow();
    expect(() => plugin.willSendSubgraphRequest?.(options(Date.now() - 1))).toThrow(expect.objectContaining({ extensions: { code: 'DEADLINE_EXCEEDED' } }));
  });

  it('rejects a deadline that is not a positive number', () => {
    expect(() => useRequestDeadline({ deadlineMs: 0 })).toThrow(/positive/);
  });
});

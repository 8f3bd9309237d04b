import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientHooks } from './clientHooks';
import { defaultSystemConfig } from './config';
import { acceptableRequestId, currentRequestId, currentRequestSignal, propagateRequestIdToLegacyCalls, runInRequestScope, runWithSignal, SharedSignal } from './requestContext';
import { createSystemClient } from './systemClient';

describe('request scope', () => {
  it('is visible across awaits and timers inside the scope only', async () => {
    const seen = await runInRequestScope({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentRequestId();
    });
    expect(seen).toBe('req-1');
    expect(currentRequestId()).toBeUndefined();
  });

  it('accepts only inert request ids', () => {
    expect(acceptableRequestId('req-abc_1')).toBe('req-abc_1');
    expect(acceptableRequestId(['a', 'b'])).toBe('a');
    for (const bad of [undefined, '', 'a b', 'x\r\ny', 'a'.repeat(129)]) expect(acceptableRequestId(bad)).toBeUndefined();
  });

  it('keeps an earlier headers hook and is installed once', () => {
    const hooks: ClientHooks = { headers: () => ({ 'x-other': '1' }) };
    propagateRequestIdToLegacyCalls(hooks);
    propagateRequestIdToLegacyCalls(hooks);
    expect(runInRequestScope({ requestId: 'r-2' }, () => hooks.headers?.())).toEqual({ 'x-other': '1', 'x-request-id': 'r-2' });
    expect(hooks.headers?.()).toEqual({ 'x-other': '1' });
  });
});

describe('SharedSignal: work several requests wait on', () => {
  it('aborts only once every waiting request is cancelled', () => {
    const a = new AbortController();
    const b = new AbortController();
    const shared = new SharedSignal();
    expect(shared.join(a.signal)).toBe(true);
    expect(shared.join(b.signal)).toBe(true);
    a.abort();
    expect(shared.signal.aborted).toBe(false);
    b.abort();
    expect(shared.signal.aborted).toBe(true);
    // Too late to join: the caller starts its own work.
    expect(shared.join(new AbortController().signal)).toBe(false);
  });

  it('never aborts while a waiter without a request (feed following) needs it', () => {
    const a = new AbortController();
    const shared = new SharedSignal();
    shared.join(a.signal);
    shared.join(undefined);
    a.abort();
    expect(shared.signal.aborted).toBe(false);
  });

  it('aborts at once when its only waiter is already cancelled', () => {
    const a = new AbortController();
    a.abort();
    const shared = new SharedSignal();
    shared.join(a.signal);
    expect(shared.signal.aborted).toBe(true);
  });

  it('replaces the scope signal for the shared work, keeping the rest of the scope', () => {
    const own = new AbortController();
    const shared = new AbortController();
    const seen = runInRequestScope({ requestId: 'r-9', signal: own.signal }, () =>
      runWithSignal(shared.signal, () => ({ id: currentRequestId(), signal: currentRequestSignal() })),
    );
    expect(seen.id).toBe('r-9');
    expect(seen.signal).toBe(shared.signal);
  });
});

describe('request id on legacy calls (real HTTP)', () => {
  let server: http.Server;
  let baseUrl: string;
  const received: Array<string | undefined> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      received.push(req.headers['x-request-id'] as string | undefined);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the scope request id with every call made inside the scope', async () => {
    const hooks: ClientHooks = {};
    propagateRequestIdToLegacyCalls(hooks);
    const client = createSystemClient(defaultSystemConfig('CARDS', baseUrl), hooks);
    try {
      const call = () => client.call({ operation: 'ping', request: { url: '/ping' }, idempotent: true }, (r) => r.body);
      await runInRequestScope({ requestId: 'req-legacy-7' }, () => Promise.all([call(), call()]));
      await call();
      expect(received).toEqual(['req-legacy-7', 'req-legacy-7', undefined]);
    } finally {
      client.close();
    }
  });
});

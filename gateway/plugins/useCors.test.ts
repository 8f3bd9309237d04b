import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { corsOriginsFromEnv, useCors } from './useCors';

// A unit test of one plugin: a minimal stand-in for node's req/res is enough here.
function fakeExchange(method: string, origin?: string) {
  const headers = new Map<string, string>();
  const res = {
    statusCode: 200,
    ended: false,
    setHeader: (k: string, v: string) => headers.set(k, v),
    end() {
      this.ended = true;
    },
  };
  const req = { method, headers: origin ? { origin } : {} };
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse & { ended: boolean }, headers };
}

const context = { log: pino({ level: 'silent' }), production: true };

describe('useCors', () => {
  const plugin = useCors({ origins: ['https://branch.bank.example'] });

  it('answers a preflight from an allowed origin', () => {
    const { req, res, headers } = fakeExchange('OPTIONS', 'https://branch.bank.example');
    expect(plugin.onGraphQLHttpRequest?.({ req, res, context })).toBe(true);
    expect(res.statusCode).toBe(204);
    expect(headers.get('access-control-allow-origin')).toBe('https://branch.bank.example');
    expect(headers.get('access-control-allow-headers')).toContain('x-request-id');
  });

  it('gives no allow header to other origins', () => {
    const { req, res, headers } = fakeExchange('OPTIONS', 'https://evil.example');
    expect(plugin.onGraphQLHttpRequest?.({ req, res, context })).toBe(true);
    expect(headers.has('access-control-allow-origin')).toBe(false);
  });

  it('lets ordinary requests through with the allow header', () => {
    const { req, res, headers } = fakeExchange('POST', 'https://branch.bank.example');
    expect(plugin.onGraphQLHttpRequest?.({ req, res, context })).toBeUndefined();
    expect(res.ended).toBe(false);
    expect(headers.get('access-control-allow-origin')).toBe('https://branch.bank.example');
  });
});

describe('corsOriginsFromEnv', () => {
  it('splits a comma list and drops blanks', () => {
    expect(corsOriginsFromEnv(' https://a.example , ,https://b.example')).toEqual(['https://a.example', 'https://b.example']);
    expect(corsOriginsFromEnv(undefined)).toEqual([]);
  });
});

import type { GatewayPlugin } from './gatewayPlugin';

export interface CorsOptions {
  /** Exact origins allowed to call /graphql from a browser (`https://branch.bank.example`). */
  origins: readonly string[];
  /** Preflight cache lifetime in seconds. Default 600. */
  maxAgeSeconds?: number;
}

const ALLOWED_HEADERS = 'content-type, authorization, x-request-id, apollo-require-preflight, x-apollo-operation-name';

/**
 * CORS for the browser front-ends, by explicit origin list: a bank's customer graph must
 * not be callable from any page on the web, so there is no wildcard. Answers preflights
 * itself; requests from other origins still run (CORS is enforced by the browser), they
 * just get no allow header.
 */
export function useCors(options: CorsOptions): GatewayPlugin {
  const origins = new Set(options.origins);
  const maxAge = String(options.maxAgeSeconds ?? 600);
  return {
    name: 'cors',
    onGraphQLHttpRequest({ req, res }) {
      const origin = req.headers.origin;
      res.setHeader('vary', 'Origin');
      if (origin && origins.has(origin)) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('access-control-expose-headers', 'x-request-id');
      }
      if (req.method !== 'OPTIONS') return;
      if (origin && origins.has(origin)) {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
        res.setHeader('access-control-max-age', maxAge);
      }
      res.statusCode = 204;
      res.end();
      return true;
    },
  };
}

/** `CORS_ORIGINS=https://a.example,https://b.example` -> the list; empty or absent -> none. */
export function corsOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
}

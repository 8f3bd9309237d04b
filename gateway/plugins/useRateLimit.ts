import { createHash } from 'node:crypto';
import { sendJson } from '../httpServer';
import { createMemoryWindowCounter, createRedisWindowCounter, type WindowCounter } from './rateLimitCounters';
import type { GatewayPlugin } from './gatewayPlugin';
import '../auth/principal';

export interface RateLimitOptions {
  /** Requests allowed per principal per window. */
  limit: number;
  windowMs: number;
  /** Shared counters in Redis (every replica with the same prefix shares the budget); absent: in memory. */
  redisUrl?: string;
  /** Prefix of the Redis keys (`uv:` by default), so several deployments can share one Redis. */
  keyPrefix?: string;
  /** Tests and alternative stores; wins over redisUrl. */
  counter?: WindowCounter;
}

/**
 * A per-principal budget of /graphql requests in fixed windows: the token's subject when
 * authenticated (so it follows the caller across replicas and IPs), the client address
 * otherwise. Over budget: HTTP 429, `Retry-After` (seconds to the window's end) and a
 * RATE_LIMITED error. If the counter store fails (Redis down), requests pass and a warning is
 * logged: the limit protects capacity, and an outage of it must not become an outage of the graph.
 *
 * Runs after useAuthentication, so the principal is known.
 */
export function useRateLimit(options: RateLimitOptions): GatewayPlugin {
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new Error('rate limit must be a positive integer');
  if (!Number.isInteger(options.windowMs) || options.windowMs < 1) throw new Error('rate limit window must be a positive integer (ms)');
  const counter = options.counter ?? (options.redisUrl ? createRedisWindowCounter(options.redisUrl) : createMemoryWindowCounter());
  const prefix = `${options.keyPrefix ?? 'uv:'}ratelimit:`;
  return {
    name: 'rateLimit',
    async onGraphQLHttpRequest({ req, res, context }) {
      const who = context.principal ? `sub:${context.principal.subject}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
      // Hashed: Redis keys should not carry staff ids or addresses in clear.
      const key = prefix + createHash('sha256').update(who).digest('hex').slice(0, 32);
      let hit;
      try {
        hit = await counter.hit(key, options.windowMs);
      } catch (error) {
        context.log.warn({ reason: (error as Error).message }, 'rate limit store unavailable; request allowed');
        return undefined;
      }
      res.setHeader('ratelimit-limit', String(options.limit));
      res.setHeader('ratelimit-remaining', String(Math.max(0, options.limit - hit.count)));
      if (hit.count <= options.limit) return undefined;
      const retryAfter = Math.max(1, Math.ceil(hit.resetInMs / 1000));
      res.setHeader('retry-after', String(retryAfter));
      context.log.info({ retryAfter }, 'request rate limited');
      sendJson(res, 429, {
        errors: [
          {
            message: `Rate limit exceeded: ${options.limit} requests per ${options.windowMs / 1000} s; retry after ${retryAfter} s`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
          },
        ],
      });
      return true;
    },
    apollo: {
      async serverWillStart() {
        return { serverWillStop: () => counter.close() };
      },
    },
  };
}

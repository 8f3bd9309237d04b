import { Redis } from 'ioredis';
import { backstopTimeoutMs, CommandDeadlineExceeded, withinCommandDeadline } from '../../adapters/cache/commandDeadline';

/** One fixed-window hit: how many requests the key made in the current window, and when it ends. */
export interface WindowHit {
  count: number;
  resetInMs: number;
}

/** Counts requests per key in fixed windows. Shared across replicas when backed by Redis. */
export interface WindowCounter {
  hit(key: string, windowMs: number): Promise<WindowHit>;
  close(): Promise<void>;
}

/** In-process windows: right for one replica and for development (no Redis). */
export function createMemoryWindowCounter(now: () => number = Date.now): WindowCounter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let hitsSinceSweep = 0;
  return {
    async hit(key, windowMs) {
      const t = now();
      // Drop expired windows now and then, so one-off callers do not grow the map forever.
      if (++hitsSinceSweep >= 1000) {
        hitsSinceSweep = 0;
        for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= t) {
        window = { count: 0, resetAt: t + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetInMs: window.resetAt - t };
    },
    async close() {
      windows.clear();
    },
  };
}

// INCR and PEXPIRE in one script, so every replica sees one counter per window and a crash
// between the two commands cannot leave a key that never expires.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type RedisWithHit = Redis & { uvRateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/** A hit refused without asking Redis: it timed out moments ago (the request is let through). */
export class RateLimitStoreSuspended extends Error {
  constructor() {
    super('rate limit store skipped after a timeout');
    this.name = 'RateLimitStoreSuspended';
  }
}

export interface RedisWindowCounterOptions {
  /** Budget of one count (default 250 ms); past it the request is let through. */
  commandTimeoutMs?: number;
  /** After a count timed out, how long to skip Redis altogether (default 1000 ms), as the cache store does. */
  suspendAfterTimeoutMs?: number;
}

/** Windows in Redis (INCR + PEXPIRE), shared by every gateway replica using the same key prefix. */
export function createRedisWindowCounter(redisUrl: string, options: RedisWindowCounterOptions = {}): WindowCounter {
  // Past the budget the request is let through (useRateLimit.ts). The budget is counted so that
  // our own busy event loop does not pass for a slow Redis (commandDeadline.ts): with ioredis's
  // timer alone, a gateway under heavy load stopped limiting just when limits matter most.
  // ioredis's own timeout stays as the backstop.
  const budgetMs = options.commandTimeoutMs ?? 250;
  const redis = new Redis(redisUrl, {
    commandTimeout: backstopTimeoutMs(budgetMs),
    maxRetriesPerRequest: 1,
  }) as RedisWithHit;
  redis.defineCommand('uvRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  // Connection errors are reported by the failed hit; an unhandled 'error' event would crash.
  redis.on('error', () => undefined);
  // A Redis that holds its connections open but stops answering would otherwise cost every
  // request the whole budget (on a process that never idles, the backstop's second).
  let suspendedUntil = 0;
  return {
    async hit(key, windowMs) {
      if (Date.now() < suspendedUntil) throw new RateLimitStoreSuspended();
      try {
        const [count, ttl] = await withinCommandDeadline(redis.uvRateLimitHit(key, windowMs), budgetMs);
        return { count: Number(count), resetInMs: Number(ttl) };
      } catch (error) {
        if (error instanceof CommandDeadlineExceeded || /timed out/i.test((error as Error).message)) {
          suspendedUntil = Date.now() + (options.suspendAfterTimeoutMs ?? 1000);
        }
        throw error;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

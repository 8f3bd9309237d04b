import { z } from 'zod/v4';

/**
 * Faults an operator can inject into a simulator through `POST /__admin/faults`.
 * Rates are probabilities in [0, 1]; latency is added before the simulator answers.
 */
export const faultConfigSchema = z
  .object({
    latencyMs: z.number().min(0).max(120_000).default(0),
    jitterMs: z.number().min(0).max(120_000).default(0),
    errorRate: z.number().min(0).max(1).default(0),
    down: z.boolean().default(false),
    malformedRate: z.number().min(0).max(1).default(0),
  })
  .strict();

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export const NO_FAULTS: FaultConfig = { latencyMs: 0, jitterMs: 0, errorRate: 0, down: false, malformedRate: 0 };

/** A random source in [0, 1): injectable so fault decisions are testable. */
export type Random = () => number;

/** The delay for one request: the fixed latency plus uniform jitter in [-jitter, +jitter], never negative. */
export function delayFor(config: FaultConfig, random: Random): number {
  if (config.latencyMs === 0 && config.jitterMs === 0) return 0;
  const jitter = (random() * 2 - 1) * config.jitterMs;
  return Math.max(0, Math.round(config.latencyMs + jitter));
}

export type FaultOutcome = 'outage' | 'error' | 'malformed' | 'ok';

/** Decides what happens to one request, in the order a real failure would show itself. */
export function decideFault(config: FaultConfig, random: Random): FaultOutcome {
  if (config.down) return 'outage';
  if (config.errorRate > 0 && random() < config.errorRate) return 'error';
  if (config.malformedRate > 0 && random() < config.malformedRate) return 'malformed';
  return 'ok';
}

/** Corrupts a body the way a broken legacy system does: cut off half-way through. */
export function truncateBody<T extends string | Buffer>(body: T): T {
  if (body.length <= 1) return (typeof body === 'string' ? '' : Buffer.alloc(0)) as T;
  return body.slice(0, Math.floor(body.length / 2)) as T;
}

/** The streamed form of `truncateBody`: the first chunk cut in half, then the stream ends. */
export async function* truncateStream<T extends string | Buffer>(source: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const chunk of source) {
    yield truncateBody(chunk);
    return;
  }
}

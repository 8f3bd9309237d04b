import pino from 'pino';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { StackOptions } from '../stack/startStack';
import type { CacheMode } from './benchOptions';

export class StackVariantUnavailableError extends Error {
  override readonly name = 'StackVariantUnavailableError';
}

/**
 * The stack options for one cache state. EXTENSION POINT for the cache layer (adapters/cache/):
 * stack/startStack.ts has no cache option yet, so `warm` refuses to run rather than measure a
 * cold stack under a warm label. When StackOptions gains its cache option, return it here:
 * `cold` must then switch the cache OFF explicitly (if the stack's default becomes "on"), and
 * `warm` switches it on; run.ts already primes every customer before a warm run
 * (cachePriming.ts) and reports legacy calls per operation, which should then drop to ~0.
 */
export function stackOptionsFor(dataset: Dataset, cache: CacheMode): StackOptions {
  const base: StackOptions = { dataset, ports: 'free', gatewayLogger: pino({ level: 'silent' }) };
  switch (cache) {
    case 'cold':
      return base;
    case 'warm':
      throw new StackVariantUnavailableError(
        'a warm-cache run needs a cache option on stack/startStack.ts StackOptions, which does not exist yet; wire it in bench/stackVariants.ts',
      );
  }
}

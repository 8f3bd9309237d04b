import { ChangeFeed } from '../kit/changeFeed';
import {
  AdminInputError,
  startSimulator,
  type RunningSimulator,
  type SimRoute,
  type SimulatorDefinition,
} from '../kit/simulatorServer';
import type { CardholderRecord } from '../dataset/records';
import { parseCardsAdminEdit } from './cardsAdminEdit';
import { cardsError } from './cardsErrorDialect';
import { CardholderStore } from './cardholderStore';
import { createCardsRoutes } from './cardsRoutes';
import { ExtractPager } from './extractPager';
import { TokenBucket, type Clock } from './tokenBucket';

export const DEFAULT_RATE_LIMIT_PER_SECOND = 5000;

export interface CardsSimulatorOptions {
  /** Requests per second before 429 (token bucket, burst of one second's worth). Default: env CARDS_RATE_LIMIT_RPS, else 5000. */
  rateLimitPerSecond?: number;
  /**
   * Where the bulk extract reads from. Default: the in-memory records (edits applied). Give a
   * file reader (see `readCardholderFile`) to serve a population too large to hold in memory.
   */
  extractSource?: () => AsyncIterable<CardholderRecord>;
  /** The rate limiter's clock (tests). */
  clock?: Clock;
}

export interface StartCardsOptions extends CardsSimulatorOptions {
  records: CardholderRecord[];
  port?: number;
  host?: string;
  random?: () => number;
}

/** The configured rate: the option, else CARDS_RATE_LIMIT_RPS, else the default. A bad value is refused loudly. */
export function resolveRateLimit(option: number | undefined, env: string | undefined = process.env.CARDS_RATE_LIMIT_RPS): number {
  if (option !== undefined) {
    if (!(option > 0) || !Number.isFinite(option)) throw new RangeError('rateLimitPerSecond must be a positive number');
    return option;
  }
  if (env === undefined || env.trim() === '') return DEFAULT_RATE_LIMIT_PER_SECOND;
  const value = Number(env);
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError('CARDS_RATE_LIMIT_RPS must be a positive number');
  return value;
}

/** Wraps a route so it first takes a token; an empty bucket answers 429 with Retry-After. */
function rateLimited(route: SimRoute, bucket: TokenBucket): SimRoute {
  return {
    ...route,
    handle: (req) => {
      const taken = bucket.take();
      if (!taken.allowed) {
        return cardsError(429, 'rate_limited', 'too many requests; retry after the indicated delay', {
          'retry-after': String(taken.retryAfterSeconds),
        });
      }
      return route.handle(req);
    },
  };
}

/** The cards processor as a kit simulator definition plus its change feed. */
export function createCardsSimulator(
  records: CardholderRecord[],
  options: CardsSimulatorOptions = {},
): { definition: SimulatorDefinition; feed: ChangeFeed } {
  const store = new CardholderStore(records);
  const feed = new ChangeFeed('CARDS');
  const extractSource = options.extractSource ?? (() => store.all());
  const extract = new ExtractPager<CardholderRecord>(extractSource);
  const rate = resolveRateLimit(options.rateLimitPerSecond);
  const bucket = new TokenBucket(rate, Math.max(1, rate), options.clock);
  const routes = createCardsRoutes({ store, feed, extractSource, extract }).map((route) => rateLimited(route, bucket));

  const definition: SimulatorDefinition = {
    system: 'CARDS',
    routes,
    serverError: () => cardsError(500, 'api_error', 'the card processor had an internal error'),
    notFound: () => cardsError(404, 'route_not_found', 'no such endpoint'),
    editRecord(body) {
      const parsed = parseCardsAdminEdit(body);
      if (!parsed.ok) throw new AdminInputError(`invalid cards edit: ${parsed.problems.join('; ')}`);
      const changedAt = new Date().toISOString();
      const { edit } = parsed;
      if ('cardholderId' in edit) {
        if (!store.updateCardholder(edit.cardholderId, edit.changes, changedAt)) throw new AdminInputError('no such cardholder');
        return { entity: 'party', localId: edit.cardholderId };
      }
      if (!store.updateCard(edit.cardId, edit.changes, changedAt)) throw new AdminInputError('no such card');
      return { entity: 'card', localId: edit.cardId };
    },
    reset() {
      store.reset();
      bucket.refillFully();
      void extract.reset();
    },
  };
  return { definition, feed };
}

/** Starts the cards simulator on `port` (default 0: a free port). */
export async function startCardsSimulator(options: StartCardsOptions): Promise<RunningSimulator> {
  const { definition, feed } = createCardsSimulator(options.records, options);
  return startSimulator(definition, feed, { port: options.port, host: options.host, random: options.random });
}

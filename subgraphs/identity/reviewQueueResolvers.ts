import { GraphQLError } from 'graphql';
import type { RetrainErrorCode } from '../../schema/generated/identity';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../adapters/canonical';
import { pageSize } from '../runtime/connection';
import { membersKey } from './identityLoaders';
import type { IdentityContext } from './resolvers';
import { explainMembers, explainRecords } from './store/explanationReads';
import { customerOfRecord } from './store/identityReads';
import { splitRecordKey } from './store/recordRows';
import { RetrainInProgressError } from './store/retrainStore';
import { reviewQueueCount, reviewQueuePage, type QueuePosition, type QueuedPair } from './store/reviewQueueStore';

/**
 * The review queue, explanations and retraining in the graph (all AUDIT class at the gateway;
 * retrainMatchModel is a data-steward mutation in gateway/auth/fieldPolicy.ts).
 */

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Keyset cursors: a page continues after a pair, so a pair decided between pages shifts nothing. */
export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(`rq:${JSON.stringify([position.probability, position.a, position.b])}`).toString('base64url');
}

export function decodeQueueCursor(cursor: string): QueuePosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith('rq:') && text.length < 600) {
    try {
      const value: unknown = JSON.parse(text.slice(3));
      if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'number' && Number.isFinite(value[0]) && typeof value[1] === 'string' && typeof value[2] === 'string') {
        return { probability: value[0], a: value[1], b: value[2] };
      }
    } catch {
      // falls through to the refusal
    }
  }
  throw badInput('invalid cursor');
}

type KeyInput = { system: SourceSystem; localId: string };

function sourceRef(input: KeyInput): KeyInput {
  if (!SOURCE_SYSTEMS.includes(input.system)) throw badInput('unknown system');
  const localId = input.localId.trim();
  if (localId.length === 0 || localId.length > 64) throw badInput('invalid local id');
  return { system: input.system, localId };
}

const reviewItem = (pair: QueuedPair) => {
  const a = splitRecordKey(pair.a);
  const b = splitRecordKey(pair.b);
  return { ...pair, a, b, scoredAt: pair.scoredAt.toISOString(), explanation: { ...pair.explanation, a, b } };
};

/** A queued pair as the graph's `MatchReviewItem` is resolved from (resolverMappers.ts). */
export type ReviewItemModel = ReturnType<typeof reviewItem>;

const refused = (code: RetrainErrorCode, message: string) => ({ retrain: null, errors: [{ code, message }] });

export const reviewQueueResolvers = {
  Query: {
    matchReviewQueue: async (_: unknown, args: { first?: number; after?: string | null }, { db }: IdentityContext) => {
      const size = pageSize(args.first ?? 20);
      const after = args.after ? decodeQueueCursor(args.after) : null;
      const [pairs, total] = await Promise.all([reviewQueuePage(db, after, size + 1), reviewQueueCount(db)]);
      const edges = pairs.slice(0, size).map((pair) => ({ cursor: encodeQueueCursor(pair), node: reviewItem(pair) }));
      return { edges, pageInfo: { hasNextPage: pairs.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null }, totalCount: total };
    },
    explainMatch: async (_: unknown, args: { a: KeyInput; b: KeyInput }, { db }: IdentityContext) => explainRecords(db, sourceRef(args.a), sourceRef(args.b)),
  },
  Mutation: {
    retrainMatchModel: async (_: unknown, { input }: { input: { reason: string } }, { service, principal }: IdentityContext) => {
      const reason = input.reason.trim();
      if (reason.length < 3 || reason.length > 500) return refused('REASON_REQUIRED', 'Say why, in 3 to 500 characters.');
      try {
        const outcome = await service.retrain(principal, reason);
        return {
          retrain: {
            changeId: String(outcome.changeId),
            records: outcome.records,
            trained: outcome.trained,
            moved: outcome.moved,
            events: outcome.events,
            queued: outcome.queued,
            probabilityTwoRandomRecordsMatch: outcome.model.probabilityTwoRandomRecordsMatch,
          },
          errors: [],
        };
      } catch (error) {
        if (error instanceof RetrainInProgressError) return refused('RETRAIN_IN_PROGRESS', error.message);
        throw error;
      }
    },
  },
  MatchReviewItem: {
    customerA: async (item: ReturnType<typeof reviewItem>, _: unknown, { db }: IdentityContext) => customerOf(db, item.a),
    customerB: async (item: ReturnType<typeof reviewItem>, _: unknown, { db }: IdentityContext) => customerOf(db, item.b),
  },
  Customer: {
    matchExplanations: async (customer: { id: string; asOf?: string | null }, _: unknown, { db, loaders }: IdentityContext) => explainMembers(db, await loaders.members.load(membersKey(customer.id, customer.asOf))),
  },
};

async function customerOf(db: IdentityContext['db'], ref: KeyInput): Promise<{ id: string } | null> {
  const id = await customerOfRecord(db, ref.system, ref.localId);
  return id ? { id } : null;
}

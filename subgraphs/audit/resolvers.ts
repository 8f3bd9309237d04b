import { GraphQLError } from 'graphql';
import type { AuditStore } from '../../gateway/audit/auditStore';
import { CUSTOMER_ID_PATTERN } from '../../gateway/audit/customerIdsTouched';
import { decodeAuditCursor, encodeAuditCursor } from './auditCursor';
import type { Resolvers } from '../../schema/generated/audit';

export interface AuditContext {
  store: AuditStore;
}

export const MAX_AUDIT_PAGE = 100;

interface AuditTrailArgs {
  customerId: string;
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export const auditResolvers = {
  Query: {
    async auditTrail(_: unknown, args: AuditTrailArgs, { store }: AuditContext) {
      if (!CUSTOMER_ID_PATTERN.test(args.customerId)) throw badInput('customerId is not a customer id');
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 0 || first > MAX_AUDIT_PAGE) throw badInput(`first must be between 0 and ${MAX_AUDIT_PAGE}`);
      const from = args.from ? new Date(args.from) : undefined;
      const to = args.to ? new Date(args.to) : undefined;
      if (from && to && from > to) throw badInput('from must not be after to');
      const afterId = args.after ? decodeAuditCursor(args.after) : undefined;

      let page;
      try {
        page = await store.query({ customerId: args.customerId, from, to, first, afterId });
      } catch {
        // The store's own error can name hosts and keys; the client learns only that it failed.
        throw new GraphQLError('The audit trail cannot be read right now', { extensions: { code: 'AUDIT_UNAVAILABLE' } });
      }
      const edges = page.events.map((node) => ({ cursor: encodeAuditCursor(node.id), node }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
    },
  },
} satisfies Resolvers<AuditContext>;

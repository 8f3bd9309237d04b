import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from './gatewayPlugin';

/** Static limits on an operation's shape, checked before planning (values: see limitsFromEnv). */
export interface AbuseLimits {
  /** Deepest field nesting (fragments followed). */
  maxDepth: number;
  /** Aliases per operation (alias bombs ask one expensive field many times). */
  maxAliases: number;
  /** Lexical tokens per document, enforced by the parser as it reads (bounds parser work and memory). */
  maxTokens: number;
  /** graphql-armor's cost (objects 2, scalars 1, times 1.5 per depth level). */
  maxCost: number;
  /** Directives per operation. */
  maxDirectives: number;
}

/**
 * Defaults sized from real operations with room to spare (measured with armor's own counters):
 * customer360 is depth 7, no aliases, 268 tokens, cost 2,266; customerList depth 7, 130 tokens,
 * cost 723; a page of 50 customers with every insights field costs about 40,000 (armor's cost
 * grows 1.5x per level and ignores list sizes, so wide deep pages cost a lot). The schema has
 * no cycles and its deepest path is about 10. Introspection is not counted for depth and cost
 * (armor's default), so the explorer keeps working. useAbuseLimits.test.ts keeps the reference
 * operations passing.
 */
export const DEFAULT_ABUSE_LIMITS: AbuseLimits = { maxDepth: 12, maxAliases: 15, maxTokens: 2000, maxCost: 100_000, maxDirectives: 50 };

/**
 * graphql-armor's depth, alias, cost and directive limits. Refusals are 400
 * GRAPHQL_VALIDATION_FAILED with armor's message ("Query depth limit of 10 exceeded, found
 * 12.") and `extensions.limit` naming the limit, so a client can tell which one it hit.
 *
 * The token limit is graphql's own parser option (`maxTokens`): the parser stops at the limit
 * (400 GRAPHQL_PARSE_FAILED, "Document contains more than N tokens"), so a 1 MB document of
 * 330k tokens costs the reading of 2,000 tokens, not a full AST that a validation rule would
 * then count. Field suggestions are already off in production (Apollo's hideSchemaDetailsFromClientErrors).
 */
export function useAbuseLimits(limits: AbuseLimits = DEFAULT_ABUSE_LIMITS): GatewayPlugin {
  const reject =
    (limit: string): GraphQLArmorRejectCallback =>
    (context, error) => {
      const refusal = new GraphQLError(error.message, { extensions: { limit } });
      if (context) context.reportError(refusal);
      else throw refusal;
    };
  const callbacks = (limit: string) => ({ propagateOnRejection: false, onReject: [reject(limit)] });
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.maxDepth, ...callbacks('MAX_DEPTH') },
    maxAliases: { n: limits.maxAliases, ...callbacks('MAX_ALIASES') },
    // armor's Apollo token limit throws from parsingDidStart (HTTP 500 on Apollo Server 5); the
    // parser option below refuses with a 400 before the document is built.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ...callbacks('MAX_COST') },
    maxDirectives: { n: limits.maxDirectives, ...callbacks('MAX_DIRECTIVES') },
  });
  const { validationRules } = armor.protect();
  return { name: 'abuseLimits', validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

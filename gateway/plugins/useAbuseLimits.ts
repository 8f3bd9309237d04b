import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, TokenKind, type ValidationRule } from 'graphql';
import type { GatewayPlugin } from './gatewayPlugin';

/** Static limits on an operation's shape, checked before planning (values: see limitsFromEnv). */
export interface AbuseLimits {
  /** Deepest field nesting (fragments followed). */
  maxDepth: number;
  /** Aliases per operation (alias bombs ask one expensive field many times). */
  maxAliases: number;
  /** Lexical tokens per document (bounds parser work beyond the body size limit). */
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
 * graphql-armor's depth, alias, token, cost and directive limits. Refusals are 400
 * GRAPHQL_VALIDATION_FAILED with armor's message ("Query depth limit of 10 exceeded, found
 * 12.") and `extensions.limit` naming the limit, so a client can tell which one it hit.
 * Field suggestions are already off in production (Apollo's hideSchemaDetailsFromClientErrors).
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
    // armor's Apollo token limit throws from parsingDidStart, which Apollo Server 5 answers
    // with HTTP 500; maxTokensRule below gives the same limit as a proper 400.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ...callbacks('MAX_COST') },
    maxDirectives: { n: limits.maxDirectives, ...callbacks('MAX_DIRECTIVES') },
  });
  const { validationRules } = armor.protect();
  return { name: 'abuseLimits', validationRules: [maxTokensRule(limits.maxTokens), ...validationRules] };
}

/**
 * At most `n` lexical tokens (comments excluded, as armor counts them), read from the token
 * chain graphql-js keeps on the parsed document, so nothing is parsed twice. Runs only when
 * Apollo validates a document it has not seen before (validated documents are cached).
 */
export function maxTokensRule(n: number): ValidationRule {
  return (context) => {
    let count = 0;
    for (let token = context.getDocument().loc?.startToken; token; token = token.next ?? undefined) {
      if (token.kind !== TokenKind.SOF && token.kind !== TokenKind.EOF && token.kind !== TokenKind.COMMENT) count += 1;
    }
    if (count > n) {
      context.reportError(new GraphQLError(`Syntax Error: Token limit of ${n} exceeded, found ${count}.`, { extensions: { limit: 'MAX_TOKENS' } }));
    }
    return {};
  };
}

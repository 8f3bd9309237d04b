/**
 * Apollo Client cache settings for the Unified View graph (docs/frontend.md explains them).
 *
 * Entities: every type with an `id` field (Customer, Account, Card, SalesOrder, Case, Party,
 * Transaction, CardTransaction, Interaction, Advisor, AdvisorSlot, Appointment, AuditEvent,
 * StewardDecision, IdentityEvent) is normalised by InMemoryCache's default `__typename:id` key: select `id`
 * wherever you select one of them, and two queries reading the same account share one entry.
 *
 * Values: every other object type (a golden profile, a golden field, money, a segment, a page of
 * a connection) has no identity of its own: it belongs to its parent. Two queries that select
 * different fields of the same customer's profile must merge their selections, not replace one
 * with the other (which is what Apollo warns about: "Cache data may be lost when replacing the
 * profile field of a Customer object"). `merge: true` says exactly that.
 */
import type { TypePolicies } from '@apollo/client';

/** The object types of schema/client.graphql without an `id` (Query and Mutation aside). */
export const VALUE_TYPES = [
  'AuditEventConnection',
  'AuditEventEdge',
  'CardTransactionConnection',
  'CardTransactionEdge',
  'CrosswalkChange',
  'CrosswalkChangeEdge',
  'CrosswalkHistoryConnection',
  'CustomerConnection',
  'CustomerEdge',
  'Discrepancy',
  'DiscrepancyCount',
  'DiscrepancyEdge',
  'DiscrepancyReport',
  'FieldCandidate',
  'FieldSource',
  'GoldenAddressField',
  'GoldenField',
  'GoldenProfile',
  'IdentityEventConnection',
  'IdentityEventEdge',
  'InteractionConnection',
  'InteractionEdge',
  'LifecycleStage',
  'MatchComparisonWeight',
  'MatchExplanation',
  'MatchModelRetrain',
  'MatchReviewConnection',
  'MatchReviewEdge',
  'MatchReviewItem',
  'Money',
  'MortgagePayment',
  'NextBestAction',
  'PageInfo',
  'PostalAddress',
  'PostalAddressValue',
  'RelationshipValue',
  'RetrainError',
  'RetrainMatchModelPayload',
  'SalesOrderConnection',
  'SalesOrderEdge',
  'ScheduleCallbackPayload',
  'Segment',
  'SourceKey',
  'SourceLinks',
  'StewardDecisionPayload',
  'StewardError',
  'TransactionConnection',
  'TransactionEdge',
  'UserError',
] as const;

export const unifiedViewTypePolicies: TypePolicies = Object.fromEntries(VALUE_TYPES.map((type) => [type, { merge: true }]));

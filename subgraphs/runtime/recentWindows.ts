/**
 * How many of a customer's latest items the argument-free "recent" fields serve
 * (`Account.recentTransactions`, `Card.recentTransactions`, `Customer.recentSalesOrders`): the
 * windows the insights subgraph computes over. One place for the owning subgraphs, which serve
 * them, and for insights, which relies on their size.
 *
 * Why argument-free fields: when a client's operation selects the same list with a smaller page
 * (`cards { transactions(first: 5) }` beside `relationshipValue`), the query planner fetches the
 * list once, with the client's page, and hands insights that (apollographql/federation#2276).
 * A field without arguments cannot be cut that way. And since every insights field requires the
 * same field set, the planner asks insights once per operation (docs/architecture.md, "Federation
 * shape").
 */
export const RECENT_WINDOWS = { accountTransactions: 20, cardTransactions: 50, salesOrders: 50 } as const;

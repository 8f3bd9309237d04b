import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CUSTOMER_INSIGHTS } from '../console/src/operations';
import { postGraphQL } from './graphqlPost';
import type { Target } from './target';

/** A named operation and the request bodies a run cycles through (one body per request, in turn). */
export interface Workload {
  name: string;
  bodies: string[];
}

const operationText = (name: string) => readFileSync(path.join(__dirname, '..', 'schema', 'operations', `${name}.graphql`), 'utf8');

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/**
 * The first `count` customer ids in the graph's own order, read a page of 100 at a time. Using
 * many ids (rather than one) keeps any cache honest: a warm run reads every id once before it is
 * measured, and a cold run never asks for the same customer twice in a row.
 */
export async function customerIds(gateway: Target, count: number): Promise<string[]> {
  const query = 'query Ids($first: Int!, $after: String) { customers(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < count) {
    const page = await postGraphQL(gateway.url, body(query, { first: Math.min(100, count - ids.length), after }), gateway.headers);
    if (page.errors?.length) throw new Error(`listing customers failed: ${page.errors[0].message}`);
    const connection = (page.data as { customers: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).customers;
    ids.push(...connection.edges.map((e) => e.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return ids;
}

/** customer360 (the reference operation) over the given customers, one customer per request. */
export function customer360Workload(ids: readonly string[]): Workload {
  const query = operationText('customer360');
  return { name: 'customer360', bodies: ids.map((id) => body(query, { id })) };
}

/** The console's insights request (console/src/operations.ts) over the given customers, one customer per request. */
export function customerInsightsWorkload(ids: readonly string[]): Workload {
  return { name: 'customerInsights', bodies: ids.map((id) => body(CUSTOMER_INSIGHTS, { id })) };
}

/** customerList: the first 50 customers with every system's part (the batching workload). */
export function customerListWorkload(first = 50): Workload {
  return { name: `customerList(first:${first})`, bodies: [body(operationText('customerList'), { first })] };
}

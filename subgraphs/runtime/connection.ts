import { GraphQLError } from 'graphql';

/** Relay connection over an in-memory list, with opaque offset cursors. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw new GraphQLError('invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  return Number(match[1]);
}

/** Validates `first`: a page is 0..MAX_PAGE_SIZE items. */
export function pageSize(first: number | null | undefined, fallback = 10): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return size;
}

export function connectionFromArray<T>(items: readonly T[], first: number | null | undefined, after: string | null | undefined): Connection<T> {
  const size = pageSize(first);
  const start = after ? decodeCursor(after) + 1 : 0;
  const page = items.slice(start, start + size);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(start + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + size < items.length, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: items.length,
  };
}

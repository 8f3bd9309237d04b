import type { QueryOptions } from './queryOptions';

/**
 * Server-driven paging: a response holds at most `pageSize` entities; when more match, `__next`
 * is the same request with `$skip` moved past this page and `$top` reduced by what was served,
 * so following `__next` links yields exactly what `$top`/`$skip` asked for, once each.
 */

export function pageTake(options: QueryOptions, pageSize: number): number {
  return Math.min(options.top ?? Number.POSITIVE_INFINITY, pageSize);
}

/** The `__next` link, or undefined when this page ends the result (`more`: rows remain after it). */
export function nextLink(
  baseUrl: string,
  path: string,
  query: URLSearchParams,
  options: QueryOptions,
  served: number,
  more: boolean,
): string | undefined {
  const remaining = options.top === null ? Number.POSITIVE_INFINITY : options.top - served;
  if (!more || remaining <= 0 || served === 0) return undefined;
  const next = new URLSearchParams(query);
  next.set('$skip', String(options.skip + served));
  if (options.top !== null) next.set('$top', String(remaining));
  return `${baseUrl}${path}?${next.toString()}`;
}

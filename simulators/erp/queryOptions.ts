import { MAX_FILTER_COMPARISONS } from './gatewayService';
import { comparisonsOf, ODataFilterError, parseODataFilter, type FilterExpression } from './odataFilterParser';

/** The system query options of one collection request, validated. */
export interface QueryOptions {
  filter: FilterExpression | null;
  top: number | null;
  skip: number;
  inlineCount: boolean;
}

/** A query option the gateway refuses; `tooMany` marks the comparison limit. */
export class QueryOptionError extends Error {
  constructor(
    message: string,
    readonly tooMany = false,
  ) {
    super(message);
    this.name = 'QueryOptionError';
  }
}

function nonNegativeInteger(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null) return null;
  if (!/^\d{1,9}$/.test(raw)) throw new QueryOptionError(`${name} must be a non-negative integer`);
  return Number(raw);
}

export function parseQueryOptions(query: URLSearchParams): QueryOptions {
  const format = query.get('$format');
  if (format !== null && format !== 'json') throw new QueryOptionError('only $format=json is supported');
  const inline = query.get('$inlinecount');
  if (inline !== null && inline !== 'allpages' && inline !== 'none') throw new QueryOptionError('$inlinecount must be allpages or none');
  const rawFilter = query.get('$filter');
  let filter: FilterExpression | null = null;
  if (rawFilter !== null) {
    try {
      filter = parseODataFilter(rawFilter);
    } catch (error) {
      if (error instanceof ODataFilterError) throw new QueryOptionError(`invalid $filter: ${error.message}`);
      throw error;
    }
    if (comparisonsOf(filter).length > MAX_FILTER_COMPARISONS) {
      throw new QueryOptionError(`$filter holds more than ${MAX_FILTER_COMPARISONS} comparisons`, true);
    }
  }
  return {
    filter,
    top: nonNegativeInteger(query, '$top'),
    skip: nonNegativeInteger(query, '$skip') ?? 0,
    inlineCount: inline === 'allpages',
  };
}

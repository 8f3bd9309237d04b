import { comparisonsOf, ODataFilterError, type FilterExpression, type FilterLiteral } from './odataFilterParser';

/**
 * Evaluates a parsed `$filter` against stored rows. Each entity set declares which wire
 * properties are filterable, their type and how to read them from a row, so a scan never has
 * to render a whole entity just to test it.
 */

export type FilterableProperty<Row> = { type: 'string'; get(row: Row): string | null } | { type: 'datetime'; get(row: Row): number | null };

export type FilterableProperties<Row> = Record<string, FilterableProperty<Row>>;

/** Refuses unknown properties and literals of the wrong type, before any row is read. */
export function checkFilter<Row>(expression: FilterExpression, properties: FilterableProperties<Row>): void {
  for (const comparison of comparisonsOf(expression)) {
    const property = Object.prototype.hasOwnProperty.call(properties, comparison.property) ? properties[comparison.property] : undefined;
    if (!property) throw new ODataFilterError('filter names a property that does not exist or is not filterable');
    const { literal } = comparison;
    if (literal.type === 'null') {
      if (comparison.operator !== 'eq' && comparison.operator !== 'ne') throw new ODataFilterError('null only compares with eq or ne');
      continue;
    }
    const expected = property.type === 'string' ? 'string' : 'datetime';
    if (literal.type !== expected) throw new ODataFilterError('filter literal does not match the property type');
  }
}

function compare(actual: string | number | null, operator: string, literal: FilterLiteral): boolean {
  // SAP stores missing text as '': treat '' and null alike.
  const missing = actual === null || actual === '';
  if (literal.type === 'null') return operator === 'eq' ? missing : !missing;
  if (missing) return operator === 'ne';
  const expected = literal.type === 'string' ? literal.value : literal.type === 'datetime' ? literal.ms : literal.value;
  switch (operator) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return actual > expected;
    case 'ge':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    default:
      return actual <= expected;
  }
}

/** True when `row` satisfies `expression` (already checked with `checkFilter`). */
export function matchesFilter<Row>(row: Row, expression: FilterExpression, properties: FilterableProperties<Row>): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesFilter(row, expression.left, properties) && matchesFilter(row, expression.right, properties);
    case 'or':
      return matchesFilter(row, expression.left, properties) || matchesFilter(row, expression.right, properties);
    default:
      return compare(properties[expression.property].get(row), expression.operator, expression.literal);
  }
}

/**
 * The subset of the OData v2 `$filter` language the ERP speaks: comparisons of a property with a
 * literal (`eq ne gt ge lt le`), joined by `and` / `or` (and binds tighter), with parentheses.
 * Literals: `'text'` (a quote doubled inside), `datetime'2026-11-27T08:00:00'` (UTC when no zone),
 * `datetimeoffset'2026-11-27T08:00:00Z'`, numbers and `null`. Functions (`substringof`, ...) are
 * refused: the simulator must reject what a client could never rely on.
 *
 * This is the server's side of the language, written from the OData v2 URI conventions, not
 * from the adapter: the adapter formats its filters with its own code
 * (adapters/erp/odataFilter.ts), so a quoting bug on either side shows up in the contract tests
 * instead of being read back the way it was written.
 */

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterLiteral =
  | { type: 'string'; value: string }
  | { type: 'datetime'; ms: number }
  | { type: 'number'; value: number }
  | { type: 'null' };

export type FilterExpression =
  | { kind: 'compare'; property: string; operator: ComparisonOperator; literal: FilterLiteral }
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression };

/** A `$filter` the parser cannot read. The message names a position, never the filter's values. */
export class ODataFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ODataFilterError';
  }
}

/** Longest `$filter` accepted; far above 40 key comparisons, far below anything abusive. */
export const MAX_FILTER_LENGTH = 8_000;
const MAX_NESTING = 32;
const OPERATORS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

type Token =
  | { type: 'ident'; text: string; at: number }
  | { type: 'literal'; literal: FilterLiteral; at: number }
  | { type: 'open' | 'close'; at: number };

const DATETIME_BODY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(Z|[+-]\d{2}:\d{2})?$/;

function parseDateTime(body: string, requireZone: boolean, at: number): FilterLiteral {
  const match = DATETIME_BODY.exec(body);
  if (!match || (requireZone && !match[2])) throw new ODataFilterError(`malformed date-time literal at position ${at}`);
  // More than millisecond precision is legal OData but beyond Date: drop the extra digits.
  const local = match[1].replace(/(\.\d{3})\d+$/, '$1');
  const ms = Date.parse(`${local}${match[2] ?? 'Z'}`);
  if (Number.isNaN(ms)) throw new ODataFilterError(`invalid date-time literal at position ${at}`);
  return { type: 'datetime', ms };
}

/** Reads a quoted body starting at the opening quote; returns the text and the index after the closing quote. */
function readQuoted(input: string, open: number): { text: string; end: number } {
  let text = '';
  let i = open + 1;
  for (;;) {
    if (i >= input.length) throw new ODataFilterError(`unterminated string literal at position ${open}`);
    if (input[i] === "'") {
      if (input[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += input[i];
    i += 1;
  }
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === ' ' || ch === '\t') {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'open' : 'close', at: i });
      i += 1;
    } else if (ch === "'") {
      const { text, end } = readQuoted(input, i);
      tokens.push({ type: 'literal', literal: { type: 'string', value: text }, at: i });
      i = end;
    } else if (/[-0-9]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      if (!match) throw new ODataFilterError(`malformed number at position ${i}`);
      tokens.push({ type: 'literal', literal: { type: 'number', value: Number(match[0]) }, at: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i))![0];
      const at = i;
      i += word.length;
      if ((word === 'datetime' || word === 'datetimeoffset') && input[i] === "'") {
        const { text, end } = readQuoted(input, i);
        tokens.push({ type: 'literal', literal: parseDateTime(text, word === 'datetimeoffset', at), at });
        i = end;
      } else if (word === 'null') {
        tokens.push({ type: 'literal', literal: { type: 'null' }, at });
      } else {
        tokens.push({ type: 'ident', text: word, at });
      }
    } else {
      throw new ODataFilterError(`unexpected character at position ${i}`);
    }
  }
  return tokens;
}

/** Parses a `$filter` value into an expression tree, or throws `ODataFilterError`. */
export function parseODataFilter(input: string): FilterExpression {
  if (input.length > MAX_FILTER_LENGTH) throw new ODataFilterError(`filter longer than ${MAX_FILTER_LENGTH} characters`);
  const tokens = tokenize(input);
  let pos = 0;

  const peek = (): Token | undefined => tokens[pos];
  const where = (): string => (pos < tokens.length ? `position ${tokens[pos].at}` : 'end of filter');
  const isKeyword = (word: 'and' | 'or'): boolean => {
    const t = peek();
    return t?.type === 'ident' && t.text === word;
  };

  const parseOr = (depth: number): FilterExpression => {
    let left = parseAnd(depth);
    while (isKeyword('or')) {
      pos += 1;
      left = { kind: 'or', left, right: parseAnd(depth) };
    }
    return left;
  };

  const parseAnd = (depth: number): FilterExpression => {
    let left = parsePrimary(depth);
    while (isKeyword('and')) {
      pos += 1;
      left = { kind: 'and', left, right: parsePrimary(depth) };
    }
    return left;
  };

  const parsePrimary = (depth: number): FilterExpression => {
    const token = peek();
    if (!token) throw new ODataFilterError('unexpected end of filter');
    if (token.type === 'open') {
      if (depth >= MAX_NESTING) throw new ODataFilterError('filter nested too deeply');
      pos += 1;
      const inner = parseOr(depth + 1);
      if (peek()?.type !== 'close') throw new ODataFilterError(`expected ')' at ${where()}`);
      pos += 1;
      return inner;
    }
    if (token.type !== 'ident' || token.text === 'and' || token.text === 'or' || OPERATORS.has(token.text)) {
      throw new ODataFilterError(`expected a property name at ${where()}`);
    }
    pos += 1;
    if (peek()?.type === 'open') throw new ODataFilterError(`unsupported function at position ${token.at}`);
    const op = peek();
    if (op?.type !== 'ident' || !OPERATORS.has(op.text)) throw new ODataFilterError(`expected a comparison operator at ${where()}`);
    pos += 1;
    const value = peek();
    if (value?.type !== 'literal') throw new ODataFilterError(`expected a literal at ${where()}`);
    pos += 1;
    return { kind: 'compare', property: token.text, operator: op.text as ComparisonOperator, literal: value.literal };
  };

  const expression = parseOr(0);
  if (pos < tokens.length) throw new ODataFilterError(`unexpected token at ${where()}`);
  return expression;
}

/** The comparisons of an expression, left to right. */
export function comparisonsOf(expression: FilterExpression): Array<Extract<FilterExpression, { kind: 'compare' }>> {
  if (expression.kind === 'compare') return [expression];
  return [...comparisonsOf(expression.left), ...comparisonsOf(expression.right)];
}

/**
 * When the expression is only `property eq '...'` comparisons joined by `or` (the shape a batch
 * lookup sends), the values asked for; otherwise null. Lets a server answer from an index.
 */
export function equalityValuesOf(expression: FilterExpression, property: string): string[] | null {
  if (expression.kind === 'compare') {
    return expression.property === property && expression.operator === 'eq' && expression.literal.type === 'string'
      ? [expression.literal.value]
      : null;
  }
  if (expression.kind !== 'or') return null;
  const left = equalityValuesOf(expression.left, property);
  const right = left && equalityValuesOf(expression.right, property);
  return left && right ? [...left, ...right] : null;
}

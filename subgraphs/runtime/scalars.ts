import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isoScalar(name: string, pattern: RegExp, description: string): GraphQLScalarType<string, string> {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !pattern.test(value)) throw new GraphQLError(`${name} must be ISO 8601 (${description})`, { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => check(value),
    parseValue: (value) => check(value),
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`, { extensions: { code: 'BAD_USER_INPUT' } });
      return check(ast.value);
    },
  });
}

/** Dates and instants travel as ISO strings; the scalars refuse anything else in both directions. */
export const DateScalar = isoScalar('Date', DATE, 'YYYY-MM-DD');
export const DateTimeScalar = isoScalar('DateTime', DATE_TIME, 'UTC instant, e.g. 2026-11-27T08:00:00.000Z');

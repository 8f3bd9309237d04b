import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isoScalar(name: string, pattern: RegExp, description: string): GraphQLScalarType<string, string> {
  const valid = (value: unknown): value is string => typeof value === 'string' && pattern.test(value);
  const message = `${name} must be ISO 8601 (${description})`;
  const input = (value: unknown): string => {
    if (!valid(value)) throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    // A bad value on the way out is the server's (a legacy record's date it could not read), not
    // the caller's: no code, so the answer says INTERNAL_SERVER_ERROR. The compiled engine
    // (compiledExecution.ts) keeps only a serializer error's message, so a code here would also
    // read differently there and under graphql-js.
    serialize: (value) => {
      if (!valid(value)) throw new GraphQLError(message);
      return value;
    },
    parseValue: (value) => input(value),
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`, { extensions: { code: 'BAD_USER_INPUT' } });
      return input(ast.value);
    },
  });
}

/** Dates and instants travel as ISO strings; the scalars refuse anything else in both directions. */
export const DateScalar = isoScalar('Date', DATE, 'YYYY-MM-DD');
export const DateTimeScalar = isoScalar('DateTime', DATE_TIME, 'UTC instant, e.g. 2026-11-27T08:00:00.000Z');

import { GraphQLError, Kind } from 'graphql';
import { DateScalar, DateTimeScalar } from './scalars';

/** The code a thrown error carries (undefined: Apollo Server answers INTERNAL_SERVER_ERROR), or 'accepted'. */
function outcome(run: () => unknown): string | undefined {
  try {
    run();
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions.code as string | undefined;
  }
}

describe('Date and DateTime', () => {
  it.each([
    ['Date', '2026-12-07', 'accepted', 'accepted'],
    ['Date', '07/12/2026', undefined, 'BAD_USER_INPUT'],
    ['Date', '2026-12-07T00:00:00.000Z', undefined, 'BAD_USER_INPUT'],
    ['Date', 20261207, undefined, 'BAD_USER_INPUT'],
    ['DateTime', '2026-11-27T08:00:00.000Z', 'accepted', 'accepted'],
    ['DateTime', '2026-11-27T08:00:00Z', 'accepted', 'accepted'],
    ['DateTime', '2026-11-27T08:00:00+01:00', undefined, 'BAD_USER_INPUT'],
    ['DateTime', null, undefined, 'BAD_USER_INPUT'],
  ])('%s %p: out %s (no code: the server’s fault), in %s', (scalar, value, out, inbound) => {
    const type = scalar === 'Date' ? DateScalar : DateTimeScalar;
    expect(outcome(() => type.serialize(value))).toBe(out);
    expect(outcome(() => type.parseValue(value))).toBe(inbound);
  });

  it('refuses a literal that is not a string as the caller’s error', () => {
    expect(outcome(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20261207' }))).toBe('BAD_USER_INPUT');
    expect(outcome(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-07' }))).toBe('accepted');
  });
});

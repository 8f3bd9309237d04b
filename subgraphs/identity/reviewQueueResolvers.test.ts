import { GraphQLError } from 'graphql';
import { decodeQueueCursor, encodeQueueCursor } from './reviewQueueResolvers';

describe('review queue cursors', () => {
  it('continue after exactly the pair they were made from', () => {
    const position = { probability: 0.7676263016315926, a: 'CALL_CENTER:C732074334', b: 'CORE_BANKING:3189106671' };
    expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
  });

  const base64 = (text: string) => Buffer.from(text).toString('base64url');
  it.each([
    ['not base64 at all', '%%%'],
    ['an offset cursor of another list', base64('o:12')],
    ['no prefix', base64('[0.5,"a","b"]')],
    ['not JSON', base64('rq:[0.5,"a"')],
    ['a probability that is not a number', base64('rq:["0.5","a","b"]')],
    ['an infinite probability', base64('rq:[1e999,"a","b"]')],
    ['too few parts', base64('rq:[0.5,"a"]')],
    ['keys that are not strings', base64('rq:[0.5,1,2]')],
    ['an oversized cursor', base64(`rq:[0.5,"${'a'.repeat(1000)}","b"]`)],
  ])('refuses %s with BAD_USER_INPUT', (_, cursor) => {
    let thrown: unknown;
    try {
      decodeQueueCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  });
});

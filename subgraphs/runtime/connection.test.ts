import { connectionFromArray, decodeCursor, encodeCursor } from './connection';

describe('connectionFromArray', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('pages through every item exactly once', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<typeof connectionFromArray<string>> = connectionFromArray(items, 2, after);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(items);
  });

  it('refuses forged cursors and out-of-range page sizes with BAD_USER_INPUT', () => {
    expect(() => decodeCursor('garbage')).toThrow('invalid cursor');
    expect(() => connectionFromArray(items, 1000, null)).toThrow('first must be between');
    expect(() => connectionFromArray(items, -1, null)).toThrow('first must be between');
    expect(decodeCursor(encodeCursor(42))).toBe(42);
  });

  it('reports an empty page with a null end cursor', () => {
    const page = connectionFromArray([], 3, null);
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });
});

import { LinkList, PAIR_LINK, PAIR_REVIEW, PAIR_RULE } from './linkList';

// The columns grow past their first capacity (64) without losing or moving a pair.

describe('LinkList', () => {
  it('keeps every pair in order, in all four columns, as it grows', () => {
    const links = new LinkList();
    const kinds = [PAIR_REVIEW, PAIR_LINK, PAIR_RULE];
    for (let i = 0; i < 200; i += 1) links.push(i, 1000 + i, i / 4 - 10, kinds[i % 3]);
    expect(links.length).toBe(200);
    for (const i of [0, 1, 63, 64, 65, 95, 96, 97, 143, 144, 145, 199]) {
      expect([links.a[i], links.b[i], links.weight[i], links.kind[i]]).toEqual([i, 1000 + i, i / 4 - 10, kinds[i % 3]]);
    }
  });

  it('starts empty', () => {
    expect(new LinkList().length).toBe(0);
  });
});

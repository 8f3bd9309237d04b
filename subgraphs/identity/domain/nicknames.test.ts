import { canonicalGivenNames, nicknameIndex } from './nicknames';

// The lookup over the matcher's table, and the index over any table, written by hand.

describe('canonicalGivenNames', () => {
  it.each([
    ['BOB', ['ROBERT']],
    ['ALEX', ['ALEXANDER', 'ALEXANDRA']],
    ['ROBERT', ['ROBERT']],
    ['ZEBEDEE', []],
    ['', []],
  ])('%j may stand for %j', (form, canonical) => {
    expect(canonicalGivenNames(form)).toEqual(canonical);
  });
});

describe('nicknameIndex', () => {
  it('lists each canonical name once per form, sorted, whatever the order and repetition of the groups', () => {
    const index = nicknameIndex([
      ['ZACHARY', 'ZAC', 'ZAC'],
      ['ISAAC', 'ZAC'],
      ['ZACHARY', 'ZACK'],
    ]);
    expect(index.get('ZAC')).toEqual(['ISAAC', 'ZACHARY']);
    expect(index.get('ZACHARY')).toEqual(['ZACHARY']);
    expect(index.get('ZACK')).toEqual(['ZACHARY']);
    expect(index.get('ISAAC')).toEqual(['ISAAC']);
    expect(index.size).toBe(4);
  });
});

import { detachString } from './detachString';

// The value half of detachString, in this process (detachString.test.ts measures the memory half
// in child processes, which the mutation run cannot see).
describe('detachString returns the same text', () => {
  it.each([
    ['empty', ''],
    ['twelve characters', 'abcdefghijkl'],
    ['thirteen characters', 'abcdefghijklm'],
    ['Latin-1 letters', 'zoë.müller@exämple.com'],
    ['only letters beyond Latin-1', 'ŁŻŁŻŁŻŁŻŁŻŁŻŁŻ'],
    ['letters beyond Latin-1', 'Łukasz Żółć-Łęcki of Łódź'],
    ['a pair of surrogates and a lone one', 'emoji 😀 and \ud800 lone, long enough'],
    ['the last code unit', 'ends with \uffff and more text'],
  ])('%s', (_case, s) => {
    expect(detachString(s)).toBe(s);
  });
});

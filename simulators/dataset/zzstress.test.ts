import fc from 'fast-check';
import { typo, typoOnce } from '/work/main/simulators/dataset/noise';
import { nameOnCard } from '/work/main/simulators/dataset/nameOnCard';
import { ENGLISH_FAMILY_NAMES, ENGLISH_GIVEN_NAMES, DIACRITIC_FAMILY_NAMES, DIACRITIC_GIVEN_NAMES } from '/work/main/simulators/dataset/names';
import { Random } from '/work/main/simulators/dataset/random';
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
  }
  return d[a.length][b.length];
}
const ALL = [...ENGLISH_GIVEN_NAMES, ...DIACRITIC_GIVEN_NAMES, ...ENGLISH_FAMILY_NAMES, ...DIACRITIC_FAMILY_NAMES];
it('typoOnce', () => { for (const n of ALL) for (let s = 0; s < 3000; s++) { const o = typoOnce(n, new Random(s)); if (osa(n, o) !== 1 || o[0] !== n[0]) throw new Error(`${n} ${o} ${s}`); } });
it('typo', () => { for (const n of ALL) for (let s = 0; s < 3000; s++) { const o = typo(n, new Random(s)); if (osa(n, o) > 2) throw new Error(`${n} ${o} ${s}`); } });
it('card', () => { fc.assert(fc.property(fc.string({unit: 'binary'}), fc.string({unit:'binary'}), (g, f) => { const o = nameOnCard(g, f); return /^[A-Z -]*\/[A-Z -]*$/.test(o) && o.length <= 26; }), { numRuns: 200000 }); });

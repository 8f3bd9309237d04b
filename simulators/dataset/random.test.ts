import { Random, deriveSeed } from './random';

describe('Random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    const seqA = Array.from({ length: 50 }, () => a.int(0, 1000));
    const seqB = Array.from({ length: 50 }, () => b.int(0, 1000));
    expect(seqA).toEqual(seqB);
  });

  it('gives different streams different sequences', () => {
    const a = Random.forStream(42, 1);
    const b = Random.forStream(42, 2);
    expect(Array.from({ length: 10 }, () => a.float())).not.toEqual(Array.from({ length: 10 }, () => b.float()));
    expect(deriveSeed(42, 1)).not.toBe(deriveSeed(43, 1));
  });

  it('keeps ints in range, floats in [0, 1) and digits the right length', () => {
    const r = new Random(1);
    for (let i = 0; i < 2000; i++) {
      const n = r.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
      const f = r.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
    expect(r.digits(5)).toMatch(/^\d{5}$/);
  });

  it('honours chance(0) and chance(1) and weights', () => {
    const r = new Random(3);
    for (let i = 0; i < 100; i++) {
      expect(r.chance(0)).toBe(false);
      expect(r.chance(1)).toBe(true);
      expect(r.weighted([['only', 1], ['never', 0]])).toBe('only');
    }
  });

  it('refuses to pick from an empty list', () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
  });
});

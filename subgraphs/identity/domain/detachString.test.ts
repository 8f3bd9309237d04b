import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detachString } from './detachString';

describe('detachString', () => {
  it('returns an equal string', () => {
    for (const s of ['', 'short', 'ann.lee@example.com', '+447700900123', 'zoë.müller@exämple.com', 'Łukasz Żółć-Łęcki', 'emoji 😀 and \ud800 lone']) {
      expect(detachString(s)).toBe(s);
    }
  });

  /**
   * The point of the function: a value cut from a large string must not keep that string alive.
   * Forty 500 kB parents, one 20-character slice of each kept: kept as slices they pin 20 MB,
   * detached they pin nothing. (An identity function fails this.)
   */
  it.each([
    ['one-byte', 'a'],
    ['two-byte', 'ż'],
  ])('lets the %s string it was cut from be collected', (_kind, letter) => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retainedWith = (keep: (s: string) => string): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept: string[] = [];
      for (let i = 0; i < 40; i++) {
        // A flat parent string (Buffer decoding builds one), unique per iteration.
        const parent = Buffer.from(letter.repeat(250_000) + String(i).padStart(4, '0'), 'utf8').toString('utf8');
        kept.push(keep(parent.slice(1000, 1020)));
      }
      gc();
      const retained = process.memoryUsage().heapUsed - before;
      expect(kept).toHaveLength(40);
      return retained;
    };
    const asSlices = retainedWith((s) => s);
    // Whatever else the process allocates meanwhile only adds to a measure: the least of three
    // runs is the one closest to what the copies themselves retain.
    const detached = Math.min(retainedWith(detachString), retainedWith(detachString), retainedWith(detachString));
    // The slices pin their parents (about 10 MB one-byte, 20 MB two-byte); detached copies do not.
    expect(asSlices).toBeGreaterThan(5_000_000);
    expect(detached).toBeLessThan(asSlices / 5);
  });
});

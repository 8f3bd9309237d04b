import { execFileSync } from 'node:child_process';
import path from 'node:path';
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
   * detached they pin nothing. (An identity function fails this.) Measured in a fresh process
   * (detachStringRetention.ts), where nothing else feeds the collector.
   */
  it.each([
    ['one-byte', 'a'],
    ['two-byte', 'ż'],
  ])('lets the %s string it was cut from be collected', (_kind, letter) => {
    const probe = path.join(__dirname, 'detachStringRetention.ts');
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, letter], { encoding: 'utf8' });
    const { asSlices, detached } = JSON.parse(out) as { asSlices: number; detached: number };
    // The slices pin their parents (about 10 MB one-byte, 20 MB two-byte); detached copies do not.
    expect(asSlices).toBeGreaterThan(5_000_000);
    expect(detached).toBeLessThan(asSlices / 5);
  }, 30_000);
});

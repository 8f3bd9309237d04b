import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FINGERPRINT_FILE, fingerprintOf, isUpToDate, writeFingerprint } from './buildFingerprint';

describe('the console build fingerprint', () => {
  let root: string;
  let out: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
    out = join(root, 'dist');
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(out);
    writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const build = () => writeFingerprint(out, fingerprintOf(root, ['src/main.ts', 'package-lock.json']));

  it('says up to date when no input changed', () => {
    build();
    expect(isUpToDate(out, root)).toBe(true);
  });

  it.each([
    ['a source changed', () => writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 2;')],
    ['the lockfile changed (a dependency moved)', () => writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}')],
    ['an input is gone', () => unlinkSync(join(root, 'src', 'main.ts'))],
    ['the fingerprint is gone', () => unlinkSync(join(out, FINGERPRINT_FILE))],
    ['the fingerprint is not JSON', () => writeFileSync(join(out, FINGERPRINT_FILE), 'garbage')],
    ['the fingerprint lists nothing', () => writeFileSync(join(out, FINGERPRINT_FILE), '{}')],
  ])('asks for a build when %s', (_case, change) => {
    build();
    change();
    expect(isUpToDate(out, root)).toBe(false);
  });

  it('does not mind a file touched without a change of content', () => {
    build();
    writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 1;');
    expect(isUpToDate(out, root)).toBe(true);
  });
});

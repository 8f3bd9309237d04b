import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_NODE_FLAGS } from './runtimeFlags';

const scripts = (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the flags the one-process stack runs with', () => {
  it('are the ones written here (a young generation of 32 MiB)', () => {
    expect(PRODUCT_NODE_FLAGS).toEqual(['--max-semi-space-size=32']);
  });

  it.each([
    ['start', 'scripts/start.ts'],
    ['bench', 'bench/run.ts'],
  ])('npm run %s runs node with exactly them, then its entry through tsx', (script, entry) => {
    expect(scripts[script]).toBe(['node', ...PRODUCT_NODE_FLAGS, '--import', 'tsx', entry].join(' '));
  });
});

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `--help` on every npm script answers with its usage and does nothing else: no file written,
 * deleted or renamed in the repository, no port listened on, no other program started (a
 * browser, a database). The checks run inside the command's own processes (tests/support/sideEffectGuard.cjs,
 * loaded into each through NODE_OPTIONS), so they hold however fast the command is, and whatever
 * other tests do to the repository meanwhile.
 */
const ROOT = path.join(__dirname, '..');
const GUARD = path.join(__dirname, 'support', 'sideEffectGuard.cjs');
const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** What each tool's own help starts with, where it does not say "usage". */
const HELP_TEXT: Record<string, RegExp> = { typecheck: /The TypeScript Compiler/, lint: /eslint \[options\]/ };

type Run = { code: number; stdout: string; stderr: string };
function npmRun(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${GUARD}`.trim(), SIDE_EFFECT_ROOT: ROOT, NO_COLOR: '1' },
        // A command that starts serving instead of answering never ends: stop it rather than hang the suite.
        timeout: 50_000,
        maxBuffer: 4 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('--help on every npm script', () => {
  const checked = scripts.filter((s) => !/^(pre|post)/.test(s));

  it('covers the commands people run', () => {
    expect(checked).toEqual(expect.arrayContaining(['start', 'test', 'dataset', 'simulators', 'compose', 'bench', 'token', 'build:console', 'match', 'match:train', 'match:eval']));
  });

  it.each(checked)('npm run %s -- --help prints the usage and has no side effect', async (script) => {
    const run = await npmRun(script, ['--help']);
    expect(run.stderr).not.toContain('SIDE EFFECT');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(HELP_TEXT[script] ?? /usage/i);
  });

  // The guard itself: the same commands without --help do what they are for, and it says so.
  it.each([
    ['compose', [], 'fs.writeFileSync'],
    // Listens, or first writes the population when this checkout has none yet.
    ['simulators', [], ''],
  ])('catches npm run %s %j doing its work', async (script, args, what) => {
    const run = await npmRun(script, args);
    expect(run.stderr).toContain(`SIDE EFFECT: ${what}`);
    expect(run.code).not.toBe(0);
  });
});

import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The issue's definition of done: `npm run new:system -- --name demo --dialect rest` in a
 * temporary copy of the repository produces a system that composes, type-checks (the whole
 * project) and passes its generated contract tests, together with the checks that guard every
 * system (the simulators' independence from the adapters, the registry being the one list).
 * The copy lives under the OS temp directory, outside this repository, so the main run of jest
 * never collects its files; it is removed afterwards.
 */
const ROOT = path.join(__dirname, '..');
/** Not copied: installed packages (linked instead), history, generated data, reports. */
const SKIPPED = new Set(['node_modules', '.git', 'data', 'reports', '.stryker-tmp', 'coverage', 'test-artifacts']);

type Run = { code: number; output: string };
function run(cwd: string, command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

let copy: string;

beforeAll(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'new-system-'));
  cpSync(ROOT, copy, { recursive: true, filter: (source) => path.dirname(source) !== ROOT || !SKIPPED.has(path.basename(source)) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run new:system in a copy of the repository', () => {
  const systemsBefore = () => (readFileSync(path.join(copy, 'systems', 'registry.ts'), 'utf8').match(/^ {4}name: '/gm) ?? []).length;

  it(
    'refuses a dialect it has no templates for, and a name clashing with a system, writing nothing',
    async () => {
      const soap = await run(copy, 'npm', ['run', '--silent', 'new:system', '--', '--name', 'demo', '--dialect', 'soap']);
      expect(soap.code).toBe(2);
      expect(soap.output).toContain('no templates for the soap dialect yet; supported: rest');
      const clash = await run(copy, 'npm', ['run', '--silent', 'new:system', '--', '--name', 'call-center', '--dialect', 'rest']);
      expect(clash.code).toBe(2);
      expect(clash.output).toContain('already used by CALL_CENTER');
      expect(existsSync(path.join(copy, 'adapters', 'demo'))).toBe(false);
      expect(readFileSync(path.join(copy, 'systems', 'registry.ts'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'systems', 'registry.ts'), 'utf8'));
    },
    60_000,
  );

  it(
    'generates demo, which composes, type-checks and passes its contract tests and the guards of every system',
    async () => {
      const before = systemsBefore();
      const generated = await run(copy, 'npm', ['run', '--silent', 'new:system', '--', '--name', 'demo', '--dialect', 'rest']);
      expect(generated).toMatchObject({ code: 0 });
      expect(systemsBefore()).toBe(before + 1);
      for (const file of ['adapters/demo/adapterModule.ts', 'simulators/demo/simulatorModule.ts', 'subgraphs/demo/subgraphModule.ts', 'schema/demo.graphql', 'simulators/demo/PROTOCOL.md', 'adapters/demo/demoAdapter.contract.test.ts']) {
        expect([file, existsSync(path.join(copy, file))]).toEqual([file, true]);
      }

      // Composition first: it writes the resolver types (schema/generated/demo.ts) the type check reads.
      const composed = await run(copy, 'npm', ['run', '--silent', 'compose']);
      const typed = await run(copy, 'npx', ['tsc', '--noEmit']);
      expect(composed.output).toContain('wrote schema/supergraph.graphql');
      expect(composed.code).toBe(0);
      expect(readFileSync(path.join(copy, 'schema', 'supergraph.graphql'), 'utf8')).toMatch(/join__graph\(name: "demo", url: "http:\/\/127\.0\.0\.1:\d+\/graphql"\)/);
      expect(existsSync(path.join(copy, 'schema', 'generated', 'demo.ts'))).toBe(true);
      expect(typed).toEqual({ code: 0, output: '' });

      const tested = await run(copy, 'npx', ['jest', '--ci', '--rootDir', copy, 'adapters/demo/', 'tests/simulatorIndependence.test.ts', 'systems/registry.test.ts', 'schema/registrySdlCheck.test.ts']);
      expect(tested.output).toMatch(/Test Suites: 4 passed, 4 total/);
      expect(tested.code).toBe(0);

      // Generating it again is refused: nothing is overwritten.
      const again = await run(copy, 'npm', ['run', '--silent', 'new:system', '--', '--name', 'demo', '--dialect', 'rest']);
      expect(again.code).toBe(2);
      expect(again.output).toContain('already used by DEMO');
    },
    240_000,
  );
});

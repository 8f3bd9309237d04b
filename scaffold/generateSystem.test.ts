import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSystem } from './generateSystem';
import { ScaffoldError } from './scaffoldErrors';

/** A root holding only what the generator reads and edits: the registry and the SDLs. */
const ROOT = path.join(__dirname, '..');
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'generate-system-'));
  cpSync(path.join(ROOT, 'systems'), path.join(root, 'systems'), { recursive: true });
  cpSync(path.join(ROOT, 'schema'), path.join(root, 'schema'), { recursive: true, filter: (source) => !source.includes(`${path.sep}operations`) });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
}
function snapshot(): Map<string, string> {
  return new Map(files(root).map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}
function refusal(run: () => unknown): ScaffoldError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScaffoldError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('generateSystem', () => {
  it('writes the system’s own files and edits the registry and the SDLs it appears in', () => {
    const result = generateSystem({ root, name: 'demo', dialect: 'rest' });
    expect(result.created.sort()).toEqual(
      [
        'adapters/demo/adapterModule.ts',
        'adapters/demo/demoAdapter.contract.test.ts',
        'adapters/demo/demoAdapter.ts',
        'adapters/demo/demoLoaders.ts',
        'adapters/demo/demoMapping.ts',
        'adapters/demo/demoResponseDecoder.ts',
        'adapters/demo/demoWireSchemas.ts',
        'adapters/demo/index.ts',
        'schema/demo.graphql',
        'simulators/demo/PROTOCOL.md',
        'simulators/demo/demoRecords.ts',
        'simulators/demo/demoSimulator.ts',
        'simulators/demo/demoWire.ts',
        'simulators/demo/simulatorModule.ts',
        'subgraphs/demo/resolvers.ts',
        'subgraphs/demo/service.ts',
        'subgraphs/demo/subgraphModule.ts',
      ].sort(),
    );
    expect(result.edited).toEqual(expect.arrayContaining(['systems/registry.ts', 'schema/shared.graphql', 'schema/identity.graphql', 'schema/profile.graphql']));
    for (const file of result.created) expect(readFileSync(path.join(root, file), 'utf8')).not.toMatch(/\{\{|__slug__|__handle__/);
    expect(readFileSync(path.join(root, 'systems/registry.ts'), 'utf8')).toContain("    name: 'DEMO',\n    slug: 'demo',");
    expect(readFileSync(path.join(root, 'schema/demo.graphql'), 'utf8')).toContain('  demoParty: Party @requires(fields: "links { demoIds }")');
  });

  it('refuses to overwrite a folder of the system, writing nothing', () => {
    mkdirSync(path.join(root, 'simulators', 'demo'), { recursive: true });
    writeFileSync(path.join(root, 'simulators', 'demo', 'notes.txt'), 'mine');
    const before = snapshot();
    const error = refusal(() => generateSystem({ root, name: 'demo', dialect: 'rest' }));
    expect(error.code).toBe('FILE_EXISTS');
    expect(error.message).toBe('refusing to overwrite: simulators/demo/');
    expect(snapshot()).toEqual(before);
    expect(existsSync(path.join(root, 'adapters'))).toBe(false);
  });

  it.each([
    ['soap', 'the scaffold has no templates for the soap dialect yet; supported: rest (write such a system by hand from adapters/README.md)'],
    ['odata', 'the scaffold has no templates for the odata dialect yet; supported: rest (write such a system by hand from adapters/README.md)'],
    ['fixed-width', 'the scaffold has no templates for the fixed-width dialect yet; supported: rest (write such a system by hand from adapters/README.md)'],
    ['file-drop', 'the scaffold has no templates for the file-drop dialect yet; supported: rest (write such a system by hand from adapters/README.md)'],
    ['graphql', 'unknown dialect "graphql"; supported: rest'],
    ['REST', 'unknown dialect "REST"; supported: rest'],
  ])('refuses the %s dialect with UNSUPPORTED_DIALECT, writing nothing', (dialect, message) => {
    const before = snapshot();
    const error = refusal(() => generateSystem({ root, name: 'demo', dialect }));
    expect([error.code, error.message]).toEqual(['UNSUPPORTED_DIALECT', message]);
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['a clashing name', 'erp', 'NAME_CLASH'],
    ['an invalid name', 'Loan Book', 'INVALID_NAME'],
  ])('refuses %s writing nothing', (_what, name, code) => {
    const before = snapshot();
    expect(refusal(() => generateSystem({ root, name, dialect: 'rest' })).code).toBe(code);
    expect(snapshot()).toEqual(before);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSafelist, operationFingerprint } from './operationSafelist';

describe('operation safelist', () => {
  it('ignores layout and comments but not the selection', () => {
    const a = operationFingerprint('query A { customer(id: "x") { id } }');
    expect(operationFingerprint('# comment\nquery A {\n  customer(id: "x") {\n    id\n  }\n}')).toBe(a);
    expect(operationFingerprint('query A { customer(id: "x") { id links { cifs } } }')).not.toBe(a);
    expect(operationFingerprint('{ broken')).toBeNull();
  });

  it('loads every operation of a folder and refuses an invalid file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'safelist-'));
    writeFileSync(path.join(dir, 'one.graphql'), 'query One { customers { totalCount } }');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    expect(loadSafelist([dir])).toEqual(new Set([operationFingerprint('query One { customers { totalCount } }')]));
    writeFileSync(path.join(dir, 'bad.graphql'), '{ nope');
    expect(() => loadSafelist([dir])).toThrow('bad.graphql');
  });

  it('accepts the committed reference operations', () => {
    expect(loadSafelist([path.join(__dirname, '..', 'schema', 'operations')]).size).toBeGreaterThanOrEqual(2);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The simulators are the adapters' oracle: they must speak each dialect with their own code, so
 * a codec bug in an adapter cannot be written and read back the same way (simulators/README.md,
 * "Independence"). This test reads every import of every file under simulators/ (tests too) and
 * refuses any that reaches into adapters/, except the shared vocabulary listed here.
 */
const ROOT = path.resolve(__dirname, '..');

/** Files under adapters/ a simulator may import, with the names it may take from them and why. */
const SHARED_VOCABULARY: Readonly<Record<string, { names: readonly string[] | '*'; why: string }>> = {
  'adapters/canonical.ts': { names: '*', why: 'the canonical model: system names, change events (no wire format)' },
  'adapters/kit/config.ts': { names: ['DEFAULT_PORTS'], why: 'the default ports of the contract surface, so simulators listen where adapters call' },
};

interface ImportEdge {
  from: string;
  target: string;
  names: string[] | '*';
}

/** Every module a source file pulls in: import/export declarations, require() and import(). */
function importsOf(file: string, source: string): ImportEdge[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const edges: ImportEdge[] = [];
  const resolve = (specifier: string): string | null =>
    specifier.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier)).split(path.sep).join('/') : null;
  const add = (specifier: string, names: string[] | '*') => {
    const target = resolve(specifier);
    if (target !== null) edges.push({ from: file, target: target.endsWith('.ts') ? target : `${target}.ts`, names });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const names =
        !clause || clause.name || (bindings && ts.isNamespaceImport(bindings))
          ? '*'
          : bindings && ts.isNamedImports(bindings)
            ? bindings.elements.map((e) => (e.propertyName ?? e.name).text)
            : '*';
      add(node.moduleSpecifier.text, names);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements.map((e) => (e.propertyName ?? e.name).text) : '*';
      add(node.moduleSpecifier.text, names);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isJestModule = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'jest';
      if (isRequire || isDynamicImport || isJestModule) add(node.arguments[0].text, '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** The edges that break independence: into adapters/ and not covered by the shared vocabulary. */
function forbidden(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => edge.target.startsWith('adapters/'))
    .filter((edge) => {
      const allowed = SHARED_VOCABULARY[edge.target];
      if (!allowed) return true;
      if (allowed.names === '*') return false;
      return edge.names === '*' || edge.names.some((name) => !allowed.names.includes(name));
    })
    .map((edge) => `${edge.from} -> ${edge.target}${edge.names === '*' ? '' : ` {${edge.names.join(', ')}}`}`);
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('simulators do not share the adapters\' wire code', () => {
  it('no file under simulators/ imports an adapter codec, wire schema, protocol constant or mapping', () => {
    const files = sourcesUnder('simulators');
    expect(files.length).toBeGreaterThan(50);
    const edges = files.flatMap((file) => importsOf(file, readFileSync(path.join(ROOT, file), 'utf8')));
    // The scan sees the simulators' real imports (so an empty result means something).
    expect(edges.some((edge) => edge.target === 'simulators/kit/simulatorServer.ts')).toBe(true);
    expect(forbidden(edges)).toEqual([]);
  });

  it('the shared vocabulary it allows exists', () => {
    for (const file of Object.keys(SHARED_VOCABULARY)) expect(() => readFileSync(path.join(ROOT, file))).not.toThrow();
  });

  // The checker itself, against the ways a simulator could reach an adapter's code.
  it.each([
    ['a named import of a codec', true, "import { decodeRecord } from '../../adapters/core-banking/copybookCodec';"],
    ['a type-only import of wire schemas', true, "import type { WireCard } from '../../adapters/cards/cardsWireSchemas';"],
    ['a namespace import', true, "import * as odata from '../../adapters/erp/odataFilter';"],
    ['a default import', true, "import codec from '../../adapters/call-center/soapCodec';"],
    ['a re-export', true, "export { CARD_ID } from '../../adapters/cards/cardsInput';"],
    ['a star re-export', true, "export * from '../../adapters/erp/erpProtocol';"],
    ['a require()', true, "const m = require('../../adapters/cards/panMask');"],
    ['a dynamic import()', true, "void import('../../adapters/erp/erpWire');"],
    ['a jest.requireActual', true, "jest.requireActual('../../adapters/cards/panMask');"],
    ['an allowed name next to a forbidden one', true, "import { DEFAULT_PORTS, systemConfigFromEnv } from '../../adapters/kit/config';"],
    ['the canonical model', false, "import type { SourceSystem } from '../../adapters/canonical';"],
    ['the default ports', false, "import { DEFAULT_PORTS } from '../../adapters/kit/config';"],
    ['another simulator module', false, "import { toEbcdic } from './ccsid870';"],
    ['a package', false, "import { z } from 'zod/v4';"],
  ])('%s: refused %s', (_case, refused, source) => {
    expect(forbidden(importsOf('simulators/some/file.ts', source)).length > 0).toBe(refused);
  });
});

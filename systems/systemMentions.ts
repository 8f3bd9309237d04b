/**
 * Which registered systems a source file names, for the registry test (systems/registry.test.ts):
 * a file naming two or more systems outside their own folders is very likely a hand-written list
 * of systems, which must derive from systems/registry.ts instead.
 *
 * Only code counts, never comments: the file is parsed with TypeScript, and a system is
 * named by a token that can only mean it:
 * - its enum name as an identifier or a word of a string (`CALL_CENTER`, `'CALL_CENTER'`),
 * - an import of one of its own folders (`'../adapters/call-center'`),
 * - its crosswalk field (`contactIds`) or its record fields (`callCenterRecords`, `callCenterContact`),
 *   also as words of a string (a GraphQL selection),
 * - its handle (`callCenter`) when that is not also a plain word of the domain (`cards`, `erp`
 *   name fields and variables everywhere, so they are judged by the tokens above only).
 */
import path from 'node:path';
import ts from 'typescript';
import { SYSTEM_REGISTRY, type SourceSystemName } from './registry';

/** The folders that belong to one system alone (relative to the repository root, `/`-separated). */
export function ownFolders(slug: string): string[] {
  return [`adapters/${slug}/`, `simulators/${slug}/`, `subgraphs/${slug}/`, `schema/${slug}.graphql`];
}

interface Signature {
  system: SourceSystemName;
  tokens: ReadonlySet<string>;
  importPath: RegExp;
}

const SIGNATURES: readonly Signature[] = SYSTEM_REGISTRY.map((system) => {
  const tokens = new Set<string>([system.name, system.localKey.links, system.records.party, system.records.all]);
  if (system.handle !== system.slug) tokens.add(system.handle);
  const escaped = system.slug.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return { system: system.name, tokens, importPath: new RegExp(`(^|/)(adapters|simulators|subgraphs)/${escaped}(/|$)`) };
});

/**
 * The systems a TypeScript or JavaScript source names in its code (comments ignored), in registry
 * order. `fileName` is the file's path from the repository root (`adapters/cache/cacheLayer.ts`):
 * relative imports (`'../call-center'`) are resolved against it.
 */
export function systemsNamedIn(source: string, fileName = 'source.ts'): SourceSystemName[] {
  const found = new Set<SourceSystemName>();
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const directory = path.posix.dirname(fileName.split(path.sep).join('/'));
  const note = (word: string) => {
    for (const signature of SIGNATURES) if (signature.tokens.has(word)) found.add(signature.system);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) note(node.text);
    else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      // Strings are read word by word (a GraphQL selection names record fields), and as a path.
      for (const word of node.text.split(/[^A-Za-z0-9_]+/)) note(word);
      const text = node.text.startsWith('./') || node.text.startsWith('../') ? path.posix.join(directory, node.text) : node.text;
      for (const signature of SIGNATURES) if (signature.importPath.test(text)) found.add(signature.system);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return SYSTEM_REGISTRY.map((system) => system.name).filter((name) => found.has(name));
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const schemaDir = __dirname;

/**
 * Type-checks one fixture module (placed beside the generated types so its imports resolve as a
 * resolver's would) with the project's compiler options, and returns the error messages.
 */
function typeErrors(fixture: string): string[] {
  const configFile = ts.readConfigFile(path.join(schemaDir, '..', 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, path.join(schemaDir, '..'));
  const fixturePath = path.join(schemaDir, 'generated', '__fixture__.ts');
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === fixturePath ? fixture : readFile(file));
  host.fileExists = (file) => path.resolve(file) === fixturePath || ts.sys.fileExists(file);
  host.getSourceFile = (file, language) =>
    path.resolve(file) === fixturePath ? ts.createSourceFile(file, fixture, language) : getSourceFile(file, language);
  const program = ts.createProgram([fixturePath], { ...options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === fixturePath)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

// A cards resolver map over the generated types; `CARD_ID` is what Card.id returns.
const cardsFixture = (cardId: string) => `
import type { Card } from '../../adapters/canonical';
import type { Resolvers } from './cards';
export const resolvers = {
  Card: { id: (card: Card) => ${cardId} },
} satisfies Resolvers<{ unused: true }>;
`;

describe('generated resolver types', () => {
  it('accept a resolver that returns what the SDL says (Card.id: ID!)', () => {
    expect(typeErrors(cardsFixture('card.cardId'))).toEqual([]);
  }, 60_000);

  it.each([
    ['a number for an ID!', 'card.maskedPan.length'],
    ['null for a non-null field', 'null'],
    ['an object for a scalar', '({ id: card.cardId })'],
  ])('refuse a resolver returning %s', (_case, returned) => {
    const errors = typeErrors(cardsFixture(returned));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/not assignable/);
  }, 60_000);

  it('refuse a resolver for a field the SDL does not have', () => {
    const fixture = cardsFixture('card.cardId').replace('Card: {', 'Card: { nickname: () => "x",');
    expect(typeErrors(fixture).join('\n')).toMatch(/nickname/);
  }, 60_000);

  it('follow the SDL: a field added to it appears in the generated types', () => {
    // Run under tsx as `npm run compose` runs it: the codegen plugins load ES modules jest does not transform.
    const script = [
      "const { generateResolverTypes } = require('./schema/resolverTypes');",
      "const { readSubgraphSdl } = require('./schema/sharedTypes');",
      "const sdl = readSubgraphSdl('schema', 'cards.graphql').replace('type Card {', 'type Card {\\n  nickname: String');",
      "generateResolverTypes('cards', 'cards.graphql', sdl, { systemSubgraph: true }).then((out) => process.stdout.write(out));",
    ].join('\n');
    const tsx = path.join(schemaDir, '..', 'node_modules', '.bin', 'tsx');
    const generated = execFileSync(tsx, ['-e', script], { cwd: path.join(schemaDir, '..'), encoding: 'utf8' });
    expect(generated).toMatch(/nickname\?: Resolver<Maybe<ResolversTypes\['String'\]>/);
    expect(readFileSync(path.join(schemaDir, 'generated', 'cards.ts'), 'utf8')).not.toMatch(/nickname/);
  }, 60_000);
});

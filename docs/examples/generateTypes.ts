/**
 * GraphQL Code Generator over the published client schema (schema/client.graphql): TypeScript
 * types for every operation and a typed document per operation (`Customer360Document`) that
 * Apollo Client's `query`/`useQuery` infer data and variables from. docs/frontend.md shows the
 * same plugins and settings as a `codegen.ts` for the codegen CLI in a front-end repository;
 * this file runs them through the library (@graphql-codegen/core):
 *
 *   npx tsx docs/examples/generateTypes.ts --out generated/graphql.ts [--documents schema/operations]
 *
 * The test beside it runs exactly that and type-checks client code against the output. (The
 * codegen plugins load ES modules, which Node runs but Jest's module system does not: hence a
 * process, not an import.)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { parse } from 'graphql';

/**
 * The plugins, in the order the CLI's `generates.<file>.plugins` lists them. Since codegen 6,
 * typescript-operations emits the enums and input types the operations use by itself (adding
 * the `typescript` plugin as well declares them twice).
 */
export const CODEGEN_PLUGINS = ['typescript-operations', 'typed-document-node'] as const;

/** The settings: the graph's custom scalars are ISO 8601 strings; enums become string unions. */
export const CODEGEN_CONFIG = {
  // Date is `YYYY-MM-DD`, DateTime an ISO 8601 instant in UTC: both travel as strings.
  scalars: { Date: 'string', DateTime: 'string' },
  // A new custom scalar must be mapped above rather than silently typed `any`.
  strictScalars: true,
  // `'CORE_BANKING' | 'CARDS' | ...` instead of TypeScript enums: plain strings at run time.
  enumsAsTypes: true,
};

const PLUGIN_MAP = { 'typescript-operations': typescriptOperations, 'typed-document-node': typedDocumentNode };

/** The generated TypeScript for `documentFiles` (each holding operations and fragments) over the client schema. */
export async function generateTypes(options: { schemaFile: string; documentFiles: string[]; outputFile: string }): Promise<string> {
  return codegen({
    filename: options.outputFile,
    schema: parse(readFileSync(options.schemaFile, 'utf8')),
    documents: options.documentFiles.map((location) => ({ location, document: parse(readFileSync(location, 'utf8')) })),
    plugins: CODEGEN_PLUGINS.map((name) => ({ [name]: {} })),
    pluginMap: PLUGIN_MAP,
    config: CODEGEN_CONFIG,
  });
}

/** The `.graphql` files of a folder. */
export function graphqlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => path.join(dir, file));
}

if (require.main === module) {
  const root = path.join(__dirname, '..', '..');
  const options = new Command('npx tsx docs/examples/generateTypes.ts')
    .description('Generate TypeScript types and typed documents for GraphQL operations over schema/client.graphql.')
    .requiredOption('--out <file>', 'the TypeScript file to write')
    .option('--documents <dir>', 'the folder of .graphql operations', path.join(root, 'schema', 'operations'))
    .option('--schema <file>', 'the client schema', path.join(root, 'schema', 'client.graphql'))
    .showHelpAfterError()
    .parse()
    .opts<{ out: string; documents: string; schema: string }>();
  generateTypes({ schemaFile: options.schema, documentFiles: graphqlFilesIn(options.documents), outputFile: options.out }).then(
    (code) => {
      mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      writeFileSync(options.out, code);
      console.log(`wrote ${options.out}`);
    },
    (error: Error) => {
      console.error(`code generation failed: ${error.message}`);
      process.exit(1);
    },
  );
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as typescriptResolversPlugin from '@graphql-codegen/typescript-resolvers';
import { getDocumentNodeFromSchema } from '@graphql-tools/utils';
import { buildASTSchema, Kind, parse, type DefinitionNode, type DocumentNode } from 'graphql';

/** Where the generated resolver types of a subgraph are written, relative to schema/. */
export const generatedTypesFile = (subgraph: string) => `generated/${subgraph}.ts`;

/**
 * The model a resolver receives as parent (and returns) for a GraphQL type when it is not the
 * GraphQL shape itself: the canonical model the adapters speak (adapters/canonical.ts), which
 * field resolvers turn into the graph's shape (`Money.amount` from minor units, `Party.id`).
 * Paths are relative to schema/generated/. Types a subgraph's SDL does not have are not imported.
 */
const CANONICAL = '../../adapters/canonical';
export const RESOLVER_MAPPERS: Record<string, string> = {
  Party: `${CANONICAL}#SourceParty`,
  PostalAddress: `${CANONICAL}#PostalAddress`,
  Money: `${CANONICAL}#Money`,
  Account: `${CANONICAL}#Account`,
  Transaction: `${CANONICAL}#Transaction`,
  Card: `${CANONICAL}#Card`,
  CardTransaction: `${CANONICAL}#CardTransaction`,
  SalesOrder: `${CANONICAL}#SalesOrder`,
  Interaction: `${CANONICAL}#Interaction`,
  Case: `${CANONICAL}#Case`,
};

/**
 * A subgraph's own mappers, for models only it has: `subgraphs/<name>/resolverMappers.ts`
 * exporting `RESOLVER_MAPPERS` (paths relative to schema/generated/), when the file exists.
 */
function ownMappers(subgraph: string): Record<string, string> {
  const file = path.join(__dirname, '..', 'subgraphs', subgraph, 'resolverMappers.ts');
  if (!existsSync(file)) return {};
  return (require(file) as { RESOLVER_MAPPERS: Record<string, string> }).RESOLVER_MAPPERS;
}

const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any']);
const FEDERATION_QUERY_FIELDS = new Set(['_service', '_entities']);

/**
 * The subgraph schema without what buildSubgraphSchema adds for the gateway (`_service`,
 * `_entities` and their types): @apollo/subgraph resolves those itself, and the codegen's
 * federation mode does not declare `_Service`, so the generated file would not compile.
 */
function withoutFederationPlumbing(document: DocumentNode): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if ('name' in definition && definition.name && FEDERATION_TYPES.has(definition.name.value)) continue;
    // Root types go by their default names (Query, Mutation): the schema definition would name a Query emptied here.
    if (definition.kind === Kind.SCHEMA_DEFINITION) continue;
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query') {
      const fields = (definition.fields ?? []).filter((field) => !FEDERATION_QUERY_FIELDS.has(field.name.value));
      if (fields.length > 0) definitions.push({ ...definition, fields });
      continue;
    }
    definitions.push(definition);
  }
  return { ...document, definitions };
}

/**
 * TypeScript types for one subgraph's resolvers (`Resolvers<Context>` and one type per GraphQL
 * type), generated from its complete SDL (its own file plus the shared types it uses) with
 * GraphQL Code Generator's typescript and typescript-resolvers plugins. The schema is built as
 * the subgraph server builds it (buildSubgraphSchema), so federation's `__resolveReference` is
 * typed on entities. Enums become string unions (the canonical model's own enums are unions of
 * the same names) and the scalars `Date`/`DateTime` ISO strings (subgraphs/runtime/scalars.ts).
 */
/** In a system subgraph, `Customer` is the reference the gateway sends (id and own local keys). */
const SYSTEM_CUSTOMER_MAPPER = { Customer: '../../subgraphs/runtime/customerReference#CustomerReference' };

export async function generateResolverTypes(subgraph: string, sdlFile: string, completeSdl: string, options: { systemSubgraph: boolean }): Promise<string> {
  const document = withoutFederationPlumbing(getDocumentNodeFromSchema(buildSubgraphSchema(parse(completeSdl))));
  const schema = buildASTSchema(document);
  const candidates = { ...RESOLVER_MAPPERS, ...(options.systemSubgraph ? SYSTEM_CUSTOMER_MAPPER : {}), ...ownMappers(subgraph) };
  const mappers = Object.fromEntries(Object.entries(candidates).filter(([type]) => schema.getType(type)));
  const output = await codegen({
    filename: generatedTypesFile(subgraph),
    schema: document,
    schemaAst: schema,
    documents: [],
    config: {
      federation: true,
      enumsAsTypes: true,
      useTypeImports: true,
      scalars: { Date: 'string', DateTime: 'string' },
      mappers,
      // `PostalAddressModel` (canonical) beside `PostalAddress` (the graph's shape).
      mapperTypeSuffix: 'Model',
    },
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptResolvers: typescriptResolversPlugin },
  });
  const header = [
    `// Generated by \`npm run compose\` from schema/${sdlFile} and the shared types it uses (schema/shared.graphql)`,
    '// with GraphQL Code Generator (schema/resolverTypes.ts). Do not edit: change the SDL and run `npm run compose`.',
    '/* eslint-disable */',
  ].join('\n');
  return `${header}\n${output.trimEnd()}\n`;
}

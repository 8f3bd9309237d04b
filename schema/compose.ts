/**
 * `npm run compose` writes schema/supergraph.graphql (what the gateway runs),
 * schema/client.graphql (the API schema clients generate types from) and each subgraph's
 * resolver types schema/generated/<name>.ts (schema/resolverTypes.ts) from the subgraph SDLs.
 * `npm run compose -- --check` writes nothing and fails when a committed file is stale or
 * the subgraphs do not compose (CI runs it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { clientSchemaSdl } from './clientSchema';
import { composeSupergraph } from './composeSupergraph';
import { generatedTypesFile, generateResolverTypes } from './resolverTypes';
import { readSubgraphSdl } from './sharedTypes';
import { SUBGRAPHS } from './subgraphList';
import { SYSTEM_REGISTRY } from '../systems/registry';

const schemaDir = __dirname;
const targets = { supergraph: path.join(schemaDir, 'supergraph.graphql'), client: path.join(schemaDir, 'client.graphql') };

const program = new Command('npm run compose --')
  .description('Compose the subgraph SDLs (schema/*.graphql) into schema/supergraph.graphql and schema/client.graphql.')
  .option('--check', 'write nothing; fail when a committed file is stale or the subgraphs do not compose')
  .showHelpAfterError()
  .parse();
const { check = false } = program.opts<{ check?: boolean }>();

const result = composeSupergraph(schemaDir);
if (!result.ok) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  ${error}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);
const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
const outputs: Array<[string, string]> = [
  [targets.supergraph, supergraph],
  [targets.client, clientSchemaSdl(supergraph)],
];

async function main(): Promise<void> {
  for (const entry of SUBGRAPHS) {
    const types = await generateResolverTypes(entry.name, entry.sdlFile, readSubgraphSdl(schemaDir, entry.sdlFile), {
      systemSubgraph: SYSTEM_REGISTRY.some((system) => system.slug === entry.name),
    });
    outputs.push([path.join(schemaDir, generatedTypesFile(entry.name)), types]);
  }

  if (check) {
    const stale = outputs.filter(([file, text]) => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== text);
    for (const [file] of stale) console.error(`${path.relative(process.cwd(), file)} is stale: run \`npm run compose\` and commit the result.`);
    if (stale.length > 0) process.exit(1);
    console.log('supergraph, client schema and resolver types are up to date');
  } else {
    for (const [file, text] of outputs) {
      // The generated folder is committed; created only in a checkout that lacks it.
      if (!existsSync(path.dirname(file))) mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(`Generating resolver types failed: ${(error as Error).message}`);
  process.exit(1);
});

/**
 * `npm run compose` writes schema/supergraph.graphql from the subgraph SDLs.
 * `npm run compose -- --check` fails when the committed supergraph is stale or does not compose.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './composeSupergraph';

const schemaDir = __dirname;
const target = path.join(schemaDir, 'supergraph.graphql');
const check = process.argv.includes('--check');

const result = composeSupergraph(schemaDir);
if (!result.ok) {
  console.error('Composition failed:');
  for (const error of result.errors) console.error(`  ${error}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`hint: ${hint}`);
const sdl = `${result.supergraphSdl.trimEnd()}\n`;

if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== sdl) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log('supergraph is up to date');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

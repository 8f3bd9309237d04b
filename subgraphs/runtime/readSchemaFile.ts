import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a subgraph SDL from schema/, the one place SDLs live. */
export function readSchemaFile(sdlFile: string): string {
  return readFileSync(path.join(__dirname, '..', '..', 'schema', sdlFile), 'utf8');
}

import path from 'node:path';
import { readSubgraphSdl } from '../../schema/sharedTypes';

/**
 * Reads a subgraph SDL from schema/, the one place SDLs live, with the shared types it uses
 * (schema/shared.graphql), exactly as `npm run compose` reads it.
 */
export function readSchemaFile(sdlFile: string): string {
  return readSubgraphSdl(path.join(__dirname, '..', '..', 'schema'), sdlFile);
}

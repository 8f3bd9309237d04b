import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { registrySdlProblems } from './registrySdlCheck';
import { SHARED_SDL_FILE, withSharedTypes } from './sharedTypes';
import { SUBGRAPHS, type SubgraphEntry } from './subgraphList';

export type CompositionResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

/**
 * Composes the subgraph SDLs into a supergraph with @apollo/composition (what rover does,
 * offline), each SDL with the shared types it uses (schema/sharedTypes.ts). The URL baked in
 * is the default one; the gateway overrides it by environment.
 * SDLs that disagree with the registry of source systems (schema/registrySdlCheck.ts) fail it first.
 */
export function composeSupergraph(schemaDir: string, entries: SubgraphEntry[] = SUBGRAPHS): CompositionResult {
  const read = (file: string) => readFileSync(path.join(schemaDir, file), 'utf8');
  const shared = read(SHARED_SDL_FILE);
  const sdls = entries.map((entry) => ({ entry, sdl: read(entry.sdlFile) }));
  // Each file is checked as written, so a problem is reported in the file that has it.
  const registryErrors = [
    ...registrySdlProblems('shared', SHARED_SDL_FILE, shared),
    ...sdls.flatMap(({ entry, sdl }) => registrySdlProblems(entry.name, entry.sdlFile, sdl)),
  ].map((problem) => `SOURCE_SYSTEM_REGISTRY: ${problem}`);
  if (registryErrors.length > 0) return { ok: false, errors: registryErrors };
  const services = sdls.map(({ entry, sdl }) => ({
    name: entry.name,
    url: `http://127.0.0.1:${entry.defaultPort}/graphql`,
    typeDefs: parse(withSharedTypes(sdl, shared)),
  }));
  const result = composeServices(services);
  if (result.errors || !result.supergraphSdl) {
    return { ok: false, errors: (result.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}

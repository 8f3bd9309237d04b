import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, type SubgraphEntry } from './subgraphList';

export type CompositionResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: string[] };

/**
 * Composes the subgraph SDLs into a supergraph with @apollo/composition (what rover does,
 * offline). The URL baked in is the default one; the gateway overrides it by environment.
 */
export function composeSupergraph(schemaDir: string, entries: SubgraphEntry[] = SUBGRAPHS): CompositionResult {
  const services = entries.map((entry) => ({
    name: entry.name,
    url: `http://127.0.0.1:${entry.defaultPort}/graphql`,
    typeDefs: parse(readFileSync(path.join(schemaDir, entry.sdlFile), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors || !result.supergraphSdl) {
    return { ok: false, errors: (result.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`) };
}

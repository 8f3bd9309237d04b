import { SYSTEM_REGISTRY } from '../systems/registry';

/** The subgraphs of the product: name, SDL file in schema/, and default port (see docs/architecture.md). */
export interface SubgraphEntry {
  name: string;
  sdlFile: string;
  defaultPort: number;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'identity', sdlFile: 'identity.graphql', defaultPort: 4001 },
  // One subgraph per source system, named by its slug (systems/registry.ts).
  ...SYSTEM_REGISTRY.map((system) => ({ name: system.slug, sdlFile: `${system.slug}.graphql`, defaultPort: system.ports.subgraph })),
  { name: 'profile', sdlFile: 'profile.graphql', defaultPort: 4006 },
  { name: 'insights', sdlFile: 'insights.graphql', defaultPort: 4007 },
  { name: 'audit', sdlFile: 'audit.graphql', defaultPort: 4008 },
];

/** The URL a subgraph is reached at: `SUBGRAPH_<NAME>_URL` or its default port on loopback. */
export function subgraphUrl(entry: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`SUBGRAPH_${entry.name.toUpperCase().replace(/-/g, '_')}_URL`];
  return override ?? `http://127.0.0.1:${entry.defaultPort}/graphql`;
}

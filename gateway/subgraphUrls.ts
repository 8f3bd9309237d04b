/**
 * Where the gateway sends a subgraph's requests.
 *
 * The supergraph's `@join__graph(url:)` is the default; a deployment (or a test running
 * subgraphs on free ports) overrides one subgraph by `SUBGRAPH_<NAME>_URL`, and code overrides
 * win over both. Overrides are looked up by subgraph name at load time, because the names
 * only become known once a supergraph is read.
 */

export type SubgraphUrlOverrides = Readonly<Record<string, string>>;

/** `core-banking` -> `SUBGRAPH_CORE_BANKING_URL`. */
export function subgraphUrlEnvName(subgraphName: string): string {
  return `SUBGRAPH_${subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}

export function resolveSubgraphUrl(
  subgraphName: string,
  supergraphUrl: string | undefined,
  overrides: SubgraphUrlOverrides,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const fromCode = overrides[subgraphName];
  if (fromCode) return fromCode;
  const fromEnv = env[subgraphUrlEnvName(subgraphName)];
  if (fromEnv && fromEnv.trim() !== '') return fromEnv.trim();
  return supergraphUrl;
}

import { Kind, parse, type ConstDirectiveNode } from 'graphql';

export interface SupergraphSubgraph {
  /** The subgraph name as composed (`core-banking`), used for URL overrides and readiness. */
  name: string;
  /** The routing url recorded at composition time, if any. */
  url: string | undefined;
}

/**
 * The subgraphs a Federation 2 supergraph routes to, read from its `join__Graph` enum
 * (`ACCOUNTS @join__graph(name: "accounts", url: "http://...")`).
 *
 * The gateway keeps data sources for subgraphs it has ever seen, so the current list for
 * readiness has to come from the supergraph itself. Throws a GraphQLError if the SDL does
 * not parse; returns [] if it has no join__Graph enum.
 */
export function listSupergraphSubgraphs(supergraphSdl: string): SupergraphSubgraph[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const joinGraph = value.directives?.find((d) => d.name.value === 'join__graph');
      if (!joinGraph) continue;
      subgraphs.push({
        name: stringArgument(joinGraph, 'name') ?? value.name.value,
        url: stringArgument(joinGraph, 'url'),
      });
    }
  }
  return subgraphs;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg && arg.value.kind === Kind.STRING ? arg.value.value : undefined;
}

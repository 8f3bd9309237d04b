import type { CallCenterAdapter } from '../../adapters/call-center';
import type { SubgraphModule } from '../runtime/systemSubgraphs';
import { startCallCenterSubgraph } from './service';

/** How the stack starts this subgraph (subgraphs/runtime/systemSubgraphs.ts loads it by the registry's slug). */
export const subgraphModule: SubgraphModule = {
  // The adapter is the one adapters/call-center/adapterModule.ts created: this system's own.
  start: ({ port, adapter, identityUrl }) => startCallCenterSubgraph({ port, adapter: adapter as CallCenterAdapter, identityUrl }),
};

import type { SourceParty } from '../../adapters/canonical';
import { Crosswalk, type CustomerCluster } from './crosswalk';
import { SearchIndex } from './searchIndex';

/** What the identity subgraph answers from: the crosswalk and the search index over it. */
export interface IdentityView {
  crosswalk: Crosswalk;
  search: SearchIndex;
}

/** Builds the view from resolved clusters and the parties they were resolved from. */
export function buildIdentityView(clusters: Iterable<CustomerCluster>, parties: Iterable<SourceParty>): IdentityView {
  const crosswalk = new Crosswalk(clusters);
  const search = new SearchIndex();
  for (const party of parties) {
    const customerId = crosswalk.customerOf(party.system, party.localId);
    if (customerId) search.add(customerId, party);
  }
  return { crosswalk, search };
}

import type DataLoader from 'dataloader';
import type { SourceParty } from '../../adapters/canonical';
import { resolveUpstream } from './upstreamErrors';

/**
 * `Party.id`, the same in every system subgraph: a source record is identified by its system and
 * its key there, so clients can normalise it (`coreBankingParty` and `coreBankingRecords` share entries).
 */
export const partyResolvers = {
  Party: {
    id: (party: SourceParty) => `${party.system}:${party.localId}`,
  },
};

/** A customer's records in one system, through that system's per-request party loader. */
export async function loadPartyRecords(loader: DataLoader<string, SourceParty | null>, localIds: readonly string[] | undefined): Promise<SourceParty[]> {
  if (!localIds || localIds.length === 0) return [];
  return resolveUpstream(async () => {
    const parties = await loader.loadMany(localIds);
    const found: SourceParty[] = [];
    for (const party of parties) {
      if (party instanceof Error) throw party;
      if (party) found.push(party);
    }
    return found;
  });
}

/** The record a channel shows when the customer holds several in one system: the latest changed. */
export function primaryRecord(records: readonly SourceParty[]): SourceParty | null {
  let best: SourceParty | null = null;
  for (const record of records) {
    if (!best || (record.changedAt ?? '') > (best.changedAt ?? '') || ((record.changedAt ?? '') === (best.changedAt ?? '') && record.localId < best.localId)) best = record;
  }
  return best;
}

/** Loads one value per local id through a loader and flattens the lists (accounts, cards, ...). */
export async function loadFlattened<V>(loader: DataLoader<string, V[] | null>, localIds: readonly string[] | undefined): Promise<V[]> {
  if (!localIds || localIds.length === 0) return [];
  return resolveUpstream(async () => {
    const lists = await loader.loadMany(localIds);
    const all: V[] = [];
    for (const list of lists) {
      if (list instanceof Error) throw list;
      if (list) all.push(...list);
    }
    return all;
  });
}

import type { SourceParty } from '../../adapters/canonical';
import type { SourceAdapter } from '../../adapters/kit/sourceAdapter';
import { resolveParties } from './domain/resolveParties';
import { buildIdentityView, type IdentityView } from './identityView';

/**
 * Builds the identity view from the systems themselves: every adapter's bulk extract (in
 * parallel), then identity resolution over all parties. Run at start-up; the change feeds keep
 * it current afterwards.
 */
export async function resolveFromSources(adapters: readonly SourceAdapter[]): Promise<{ view: IdentityView; parties: SourceParty[] }> {
  const parties: SourceParty[] = [];
  await Promise.all(
    adapters.map(async (adapter) => {
      for await (const party of adapter.extractParties()) parties.push(party);
    }),
  );
  const { clusters } = resolveParties(parties);
  return { view: buildIdentityView(clusters, parties), parties };
}

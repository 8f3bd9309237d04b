/**
 * Candidate pairs -> scored links: the one place blocking and the matching rules meet, shared
 * by the batch run and the incremental apply so both link records identically.
 */
import { candidatePairs, type BlockingStats } from './blocking';
import { LinkList, linkKindOf } from './linkList';
import type { MatchConfig } from './matchConfig';
import type { NormalisedParty } from './normalisedParty';
import { classifyPair } from './partyComparison';

export interface LinkingStats extends BlockingStats {
  strongLinks: number;
  weakLinks: number;
  conflicts: number;
}

export function emptyLinkingStats(): LinkingStats {
  return { blocks: 0, oversizedBlocks: 0, candidatePairs: 0, strongLinks: 0, weakLinks: 0, conflicts: 0 };
}

/** Compares every candidate pair of `parties` and keeps the pairs that are links. */
export function linkParties(
  parties: readonly NormalisedParty[],
  config: MatchConfig,
  stats: LinkingStats = emptyLinkingStats(),
  populationBlockSize?: (key: string) => number,
): LinkList {
  const links = new LinkList();
  for (const [i, j] of candidatePairs(parties, config.maxBlockSize, stats, populationBlockSize)) {
    const { strength, evidence } = classifyPair(parties[i], parties[j], config);
    if (strength === 'conflict') {
      stats.conflicts++;
      continue;
    }
    const kind = linkKindOf(strength, evidence.nationalId === 'same');
    if (kind === null) continue;
    if (strength === 'strong') stats.strongLinks++;
    else stats.weakLinks++;
    links.push(i, j, evidence.score, kind);
  }
  return links;
}

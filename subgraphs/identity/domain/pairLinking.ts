/**
 * Compared candidate pairs -> scored pairs: the one place the trained model meets the
 * candidates, shared by the batch run and the incremental apply so both score pairs identically.
 * Pairs below the review threshold are dropped here: they are "not linked".
 */
import type { CandidatePairStore } from './candidatePairStore';
import { LinkList, PAIR_LINK, PAIR_REVIEW, PAIR_RULE } from './linkList';
import type { MatchConfig } from './matchConfig';
import { PairScorer, weightOfProbability, type CompiledModel } from './matchModel';
import { shareAValue, type NormalisedParty } from './normalisedParty';

export interface LinkingStats {
  linkedPairs: number;
  reviewPairs: number;
  rulePairs: number;
}

export function emptyLinkingStats(): LinkingStats {
  return { linkedPairs: 0, reviewPairs: 0, rulePairs: 0 };
}

/** Whether both records come from systems that verify emails and share one (see MatchConfig.verifiedEmailSystems). */
export function shareVerifiedEmail(a: NormalisedParty, b: NormalisedParty, config: MatchConfig): boolean {
  const systems = config.verifiedEmailSystems;
  if (systems.length === 0 || !systems.includes(a.system) || !systems.includes(b.system)) return false;
  return shareAValue(a.emails, b.emails);
}

export function scorePairs(
  parties: readonly NormalisedParty[],
  candidates: CandidatePairStore,
  compiled: CompiledModel,
  config: MatchConfig,
  stats: LinkingStats = emptyLinkingStats(),
  scorer: PairScorer = new PairScorer(compiled, parties),
): LinkList {
  const linkWeight = weightOfProbability(config.thresholds.link);
  const reviewWeight = weightOfProbability(config.thresholds.review);
  const links = new LinkList();
  const verifiedEmails = config.verifiedEmailSystems.length > 0;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates.a[k];
    const j = candidates.b[k];
    const weight = scorer.weight(candidates.gamma[k], i, j);
    if (verifiedEmails && shareVerifiedEmail(parties[i], parties[j], config)) {
      stats.rulePairs++;
      links.push(i, j, weight, PAIR_RULE);
    } else if (weight >= linkWeight) {
      stats.linkedPairs++;
      links.push(i, j, weight, PAIR_LINK);
    } else if (weight >= reviewWeight) {
      stats.reviewPairs++;
      links.push(i, j, weight, PAIR_REVIEW);
    }
  }
  return links;
}

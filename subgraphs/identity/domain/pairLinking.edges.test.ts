import { CandidatePairStore } from './candidatePairStore';
import { packLevels } from './comparisons';
import { PAIR_LINK, PAIR_REVIEW, PAIR_RULE, type LinkList } from './linkList';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { compileModel } from './matchModel';
import { handModel } from './modelFixtures';
import { normaliseParty } from './normalisedParty';
import { emptyLinkingStats, scorePairs, shareVerifiedEmail } from './pairLinking';
import { party } from './partyFixtures';

/** The filled part of a link column (the typed arrays have spare capacity past `length`). */
function used(links: LinkList, column: 'a' | 'b' | 'kind'): number[] {
  return Array.from(links[column].subarray(0, links.length));
}

// The hand model (modelFixtures.ts): prior 1/1000, so every pair starts at log2(0.001/0.999)
// = -9.964341; an exact level adds log2(0.9/0.01) = 6.491853, a missing field nothing.
const PRIOR = -9.964341;
const EXACT = 6.491853;

const verified: MatchConfig = { ...DEFAULT_MATCH_CONFIG, verifiedEmailSystems: ['CORE_BANKING', 'CARDS'] };
const ann = normaliseParty(party('CORE_BANKING', '1', { emails: ['ann@x.com'] }));
const annCard = normaliseParty(party('CARDS', 'CH1', { emails: ['Ann@X.com'] }));
const annErp = normaliseParty(party('ERP', '1000000001', { emails: ['ann@x.com'] }));
const bob = normaliseParty(party('CARDS', 'CH2', { emails: ['bob@x.com'] }));

describe('shareVerifiedEmail', () => {
  it('holds only for two verifying systems sharing an address', () => {
    expect(shareVerifiedEmail(ann, annCard, verified)).toBe(true);
    expect(shareVerifiedEmail(annCard, ann, verified)).toBe(true);
    expect(shareVerifiedEmail(ann, annErp, verified)).toBe(false);
    expect(shareVerifiedEmail(annErp, ann, verified)).toBe(false);
    expect(shareVerifiedEmail(ann, bob, verified)).toBe(false);
    expect(shareVerifiedEmail(ann, annCard, DEFAULT_MATCH_CONFIG)).toBe(false);
  });
});

describe('scorePairs', () => {
  // Comparisons: givenName, familyName, birthDate, nationalId, postcode, street, locality, phone, email.
  const levels = {
    five: packLevels([0, 0, 1, 1, 1, 0, 0, 1, 1]), // PRIOR + 5 EXACT = 22.494924: linked
    two: packLevels([0, 0, 1, 1, 0, 0, 0, 0, 0]), // PRIOR + 2 EXACT = 3.019365, p = 0.89: review
    one: packLevels([0, 0, 0, 1, 0, 0, 0, 0, 0]), // PRIOR + EXACT = -3.472488, p = 0.08: dropped
    none: packLevels([0, 0, 0, 0, 0, 0, 0, 0, 0]), // PRIOR: dropped unless a rule links it
  };
  const parties = [ann, annCard, annErp, bob];
  const candidates = () => {
    const store = new CandidatePairStore();
    store.push(0, 3, levels.five);
    store.push(1, 3, levels.two);
    store.push(2, 3, levels.one);
    store.push(0, 1, levels.none);
    store.push(0, 2, levels.none);
    return store;
  };

  it('keeps linked, review and rule pairs with their weights, and counts them', () => {
    const stats = emptyLinkingStats();
    const links = scorePairs(parties, candidates(), compileModel(handModel()), verified, stats);
    expect(used(links, 'a')).toEqual([0, 1, 0]);
    expect(used(links, 'b')).toEqual([3, 3, 1]);
    expect(used(links, 'kind')).toEqual([PAIR_LINK, PAIR_REVIEW, PAIR_RULE]);
    expect(links.weight[0]).toBeCloseTo(PRIOR + 5 * EXACT, 5);
    expect(links.weight[1]).toBeCloseTo(PRIOR + 2 * EXACT, 5);
    expect(links.weight[2]).toBeCloseTo(PRIOR, 5);
    expect(stats).toEqual({ linkedPairs: 1, reviewPairs: 1, rulePairs: 1 });
  });

  it('links by the rule only where emails are verified', () => {
    const links = scorePairs(parties, candidates(), compileModel(handModel()), DEFAULT_MATCH_CONFIG);
    expect(used(links, 'kind')).toEqual([PAIR_LINK, PAIR_REVIEW]);
  });

  it('moves pairs between bands with the thresholds', () => {
    const stats = emptyLinkingStats();
    const strict = { ...DEFAULT_MATCH_CONFIG, thresholds: { link: 0.95, review: 0.9 } };
    const links = scorePairs(parties, candidates(), compileModel(handModel()), strict, stats);
    expect(used(links, 'kind')).toEqual([PAIR_LINK]);
    expect(stats).toEqual({ linkedPairs: 1, reviewPairs: 0, rulePairs: 0 });
    const loose = { ...DEFAULT_MATCH_CONFIG, thresholds: { link: 0.5, review: 0.05 } };
    expect(used(scorePairs(parties, candidates(), compileModel(handModel()), loose), 'kind')).toEqual([PAIR_LINK, PAIR_LINK, PAIR_REVIEW]);
  });
});

/**
 * Batch identity resolution: source parties in, clusters with stable customer ids out.
 * Pure: the same parties (in any order) and options always give the same clusters and ids.
 *
 * normalise -> block and compare candidate pairs -> train the model on them (unless the config
 * carries one) -> score -> cluster with guards -> ids from anchors.
 */
import type { SourceParty } from '../../../adapters/canonical';
import type { BlockingIndex, BlockingStats } from './blocking';
import { compareCandidates, type CandidatePairStore } from './candidatePairStore';
import { clusterRecords, emptyClusteringStats, type ClusteringStats } from './clustering';
import { compareRecords } from './comparisons';
import { anchorOf, compareAnchorKeys, customerIdFor } from './customerId';
import { defaultMatchModel } from './defaultMatchModel';
import { LinkList } from './linkList';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { PairScorer, compileModel, probabilityOfWeight, type CompiledModel, type MatchModel } from './matchModel';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { emptyLinkingStats, scorePairs, type LinkingStats } from './pairLinking';
import type { ScoredPair } from './reviewQueue';
import { NO_OVERRIDES, overridePairs, type SourceRef, type StewardOverrides } from './stewardOverrides';
import { trainModel } from './trainModel';

export interface ResolveOptions {
  config?: MatchConfig;
  overrides?: StewardOverrides;
}

export interface ResolvedCluster {
  customerId: string;
  /** Core banking first, then by system and local id. */
  members: SourceRef[];
}

export interface ResolutionStats extends BlockingStats, LinkingStats, ClusteringStats {
  parties: number;
  clusters: number;
  /** Whether the model was trained on these records (false: it came with the config, or the default model was used). */
  trained: boolean;
}

export interface ResolutionResult {
  clusters: ResolvedCluster[];
  stats: ResolutionStats;
  /** The model the pairs were scored with (trained on these records unless the config carried one). */
  model: MatchModel;
  /** Scored pairs at or above the review threshold whose records ended in different clusters, or in the review band. */
  reviewPairs: ScoredPair[];
}

/** One record per key (the last one given wins, as a later extract supersedes an earlier one), sorted by key. */
export function dedupeAndSort(parties: Iterable<NormalisedParty>): NormalisedParty[] {
  const byKey = new Map<string, NormalisedParty>();
  for (const p of parties) byKey.set(p.key, p);
  // Sorting the key strings natively (code-unit order, as `<` compares) beats a comparator on a million records.
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

function indexOfKey(sorted: readonly NormalisedParty[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = sorted[mid].key;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Steward pairs as indexes into `sorted`; pairs naming an unknown record are dropped. */
export function overrideIndexes(sorted: readonly NormalisedParty[], overrides: StewardOverrides): { always: Array<[number, number]>; never: Array<[number, number]> } {
  const { always, never } = overridePairs(overrides);
  const toIndexes = (pairs: Array<[string, string]>): Array<[number, number]> =>
    pairs.map(([a, b]): [number, number] => [indexOfKey(sorted, a), indexOfKey(sorted, b)]).filter(([a, b]) => a >= 0 && b >= 0);
  return { always: toIndexes(always), never: toIndexes(never) };
}

/** Members of a cluster as source refs, anchor order. */
export function membersOf(keys: string[]): SourceRef[] {
  return (keys.length === 1 ? keys : [...keys].sort(compareAnchorKeys)).map((key) => {
    const colon = key.indexOf(':');
    return { system: key.slice(0, colon) as SourceRef['system'], localId: key.slice(colon + 1) };
  });
}

/**
 * The model for a run: the config's, else one trained on these records (when there are enough
 * of them to learn from), else the default model (trained on the generated default population).
 */
export function modelFor(sorted: readonly NormalisedParty[], candidates: CandidatePairStore, config: MatchConfig): { model: MatchModel; trained: boolean } {
  if (config.model) return { model: config.model, trained: false };
  if (sorted.length < config.training.minRecords) return { model: defaultMatchModel(), trained: false };
  return { model: trainModel({ parties: sorted, candidates }, config), trained: true };
}

/**
 * Everything one run computes, for callers that need more than the clusters (evaluation,
 * explanations). The candidate pairs themselves are not kept (their count is in `stats`).
 */
export interface LinkageRun {
  sorted: NormalisedParty[];
  model: MatchModel;
  compiled: CompiledModel;
  links: LinkList;
  /** Clusters as lists of indexes into `sorted`. */
  groups: number[][];
  stats: ResolutionStats;
}

/** A run that also kept its blocking index, to tell which true pairs were compared (evaluation, diagnosis). */
export interface EvaluatedLinkageRun extends LinkageRun {
  blocking: BlockingIndex;
}

/**
 * Block, compare, train and score. A function of its own so that the candidate pairs' columns
 * (some 200 MB for the 14.5 M pairs of a million persons) go out of scope, and can be collected,
 * before clustering and writing the clusters: only the kept links outlive it. The blocking index
 * (some 200 MB more) goes with them unless `keepBlocking` (only the evaluator asks for it).
 */
function scoreCandidates(sorted: NormalisedParty[], config: MatchConfig, populationBlockSize: ((key: string) => number) | undefined, keepBlocking: boolean) {
  const { pairs: candidates, blocking, stats: blockingStats } = compareCandidates(sorted, config, populationBlockSize);
  const { model, trained } = modelFor(sorted, candidates, config);
  const compiled = compileModel(model);
  const linking = emptyLinkingStats();
  // One scorer for scoring and clustering: it looks up every record's name frequencies (two
  // arrays of the population's size), which a million-person run should do once.
  const scorer = new PairScorer(compiled, sorted);
  const links = scorePairs(sorted, candidates, compiled, config, linking, scorer);
  return { blocking: keepBlocking ? blocking : undefined, blockingStats, model, trained, compiled, scorer, linking, links };
}

/** The whole pipeline over already-normalised, sorted and deduplicated records. */
export function runLinkage(sorted: NormalisedParty[], config: MatchConfig, overrides: StewardOverrides, populationBlockSize?: (key: string) => number): LinkageRun {
  return linkage(sorted, config, overrides, populationBlockSize, false);
}

/** `runLinkage` keeping the blocking index, for the evaluator's pairs completeness. */
export function runLinkageForEvaluation(sorted: NormalisedParty[], config: MatchConfig, overrides: StewardOverrides): EvaluatedLinkageRun {
  const run = linkage(sorted, config, overrides, undefined, true);
  if (!run.blocking) throw new Error('linkage: the blocking index was not kept');
  return { ...run, blocking: run.blocking };
}

function linkage(
  sorted: NormalisedParty[],
  config: MatchConfig,
  overrides: StewardOverrides,
  populationBlockSize: ((key: string) => number) | undefined,
  keepBlocking: boolean,
): LinkageRun & { blocking?: BlockingIndex } {
  const { blocking, blockingStats, model, trained, compiled, scorer, linking, links } = scoreCandidates(sorted, config, populationBlockSize, keepBlocking);
  const { always, never } = overrideIndexes(sorted, overrides);
  const clustering = emptyClusteringStats();
  const pairWeight = (i: number, j: number): number => scorer.weight(compareRecords(sorted[i], sorted[j]), i, j);
  const groups = clusterRecords({ records: sorted.length, links, always, never, config, pairWeight }, clustering);
  const stats: ResolutionStats = { parties: sorted.length, clusters: groups.length, trained, ...blockingStats, ...linking, ...clustering };
  return { sorted, blocking, model, compiled, links, groups, stats };
}

/**
 * The scored pairs a steward may want to see: every kept pair whose two records did not end in
 * one cluster (review band, or a link a guard refused) and every review-band pair.
 */
export function reviewPairsOf(run: Pick<LinkageRun, 'sorted' | 'links' | 'groups'>, linkProbability: number): ScoredPair[] {
  const clusterOf = new Int32Array(run.sorted.length);
  run.groups.forEach((g, index) => g.forEach((i) => (clusterOf[i] = index)));
  const out: ScoredPair[] = [];
  const { links } = run;
  for (let e = 0; e < links.length; e++) {
    const probability = probabilityOfWeight(links.weight[e]);
    if (clusterOf[links.a[e]] === clusterOf[links.b[e]] && probability >= linkProbability) continue;
    out.push({ a: run.sorted[links.a[e]].key, b: run.sorted[links.b[e]].key, weight: links.weight[e], probability });
  }
  return out;
}

/**
 * A run's clusters with their customer ids (derived from each cluster's anchor), ordered by id,
 * made one at a time: only the ids are held, so writing a million clusters does not first build
 * a million cluster objects next to the records.
 */
export function* resolvedClusterStream(run: Pick<LinkageRun, 'sorted' | 'groups'>): Generator<ResolvedCluster> {
  const ids = run.groups.map((group) => customerIdFor(anchorOf(group.map((i) => run.sorted[i].key))));
  const order = Array.from(ids.keys()).sort((x, y) => (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : 0));
  for (const g of order) yield { customerId: ids[g], members: membersOf(run.groups[g].map((i) => run.sorted[i].key)) };
}

/** A run's clusters with their customer ids, ordered by id (see resolvedClusterStream). */
export function resolvedClusters(run: Pick<LinkageRun, 'sorted' | 'groups'>): ResolvedCluster[] {
  return [...resolvedClusterStream(run)];
}

/** Clusters of already-normalised parties (the CLI normalises while streaming, to hold less in memory). */
export function resolveNormalisedParties(parties: Iterable<NormalisedParty>, options: ResolveOptions = {}): ResolutionResult {
  const config = options.config ?? DEFAULT_MATCH_CONFIG;
  const run = runLinkage(dedupeAndSort(parties), config, options.overrides ?? NO_OVERRIDES);
  return { clusters: resolvedClusters(run), stats: run.stats, model: run.model, reviewPairs: reviewPairsOf(run, config.thresholds.link) };
}

export function resolveParties(parties: Iterable<SourceParty>, options: ResolveOptions = {}): ResolutionResult {
  const normalised: NormalisedParty[] = [];
  for (const p of parties) normalised.push(normaliseParty(p));
  return resolveNormalisedParties(normalised, options);
}

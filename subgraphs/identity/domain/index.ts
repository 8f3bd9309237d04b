/** The identity-resolution library's public API (see README.md). */
export { resolveParties, resolveNormalisedParties } from './resolveParties';
export type { ResolveOptions, ResolvedCluster, ResolutionResult, ResolutionStats } from './resolveParties';
export { applyChanges, clustersOf, createResolutionState, emptyResolutionState } from './incrementalResolution';
export type { ApplyResult, ClusterEntry, IdentityEvent, ResolutionState, StateOptions } from './incrementalResolution';
export { NO_OVERRIDES } from './stewardOverrides';
export type { SourceRef, StewardOverrides } from './stewardOverrides';
export { DEFAULT_MATCH_CONFIG } from './matchConfig';
export type { MatchConfig } from './matchConfig';
export { normaliseParty, sourceKey } from './normalisedParty';
export type { NormalisedParty } from './normalisedParty';
export { classifyPair } from './partyComparison';
export type { LinkStrength, PairEvidence } from './partyComparison';
export { customerIdFor, anchorOf } from './customerId';
export { pairwiseScore } from './pairwiseMetrics';
export { MatchInputError, MatchUsageError } from './matchErrors';

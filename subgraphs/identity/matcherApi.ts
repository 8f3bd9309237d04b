/**
 * Everything the identity service uses of the matcher (subgraphs/identity/domain), in one place:
 * the database-backed service depends on this surface only, so a new matching model plugs in by
 * keeping it (or by changing this file alone).
 *
 * - `normaliseParty` + `blockingKeys`: the keys a record is indexed under in `blocking_keys`
 *   (candidates of a changed record are read back through them).
 * - `resolveNormalisedParties`: the batch run of the initial load; the model it trained is kept
 *   (`modelToJson`, in identity_meta) and every later change is scored with it (`parseModel`):
 *   a neighbourhood is far too small to train on.
 * - `applyChanges` over a `ResolutionState` holding only a change's neighbourhood (see
 *   store/neighbourhood.ts for what it must hold).
 * - `anchorOf`: the anchor recorded with each issued id (ids derive from anchors and are never
 *   reused, so the issued ids of a neighbourhood's anchors are loaded with it).
 * - `retrainResolution`: retraining on demand over the whole store (store/retrainStore.ts).
 * - `encodePartyBatch` / `decodePartyBatch`: normalised records passed between threads (the initial
 *   load normalises large extracts on a worker thread, store/recordEncoder.ts).
 * - `explainPair`, `compileModel`, `bandOf`, `defaultMatchModel`: the review queue's rows and the
 *   explanations stewards and auditors read (store/reviewQueueStore.ts).
 */
export { applyChanges, anchorOf, bandOf, blockingKeys, compileModel, decodePartyBatch, defaultMatchModel, encodePartyBatch, explainPair, modelToJson, normaliseParty, parseModel, resolveNormalisedParties, retrainResolution, sourceKey, valuesOf, DEFAULT_MATCH_CONFIG } from './domain';
export type { Band, ClusterEntry, IdentityEvent, MatchConfig, MatchModel, NormalisedParty, PairExplanation, PartyBatch, ResolutionState, ResolvedCluster, ScoredPair, SourceRef, StewardOverrides } from './domain';

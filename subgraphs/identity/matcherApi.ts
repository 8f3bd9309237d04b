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
 */
export { applyChanges, anchorOf, blockingKeys, modelToJson, normaliseParty, parseModel, resolveNormalisedParties, sourceKey, DEFAULT_MATCH_CONFIG } from './domain';
export type { ClusterEntry, IdentityEvent, MatchConfig, MatchModel, NormalisedParty, ResolutionState, SourceRef, StewardOverrides } from './domain';

/**
 * Data-steward decisions the matcher must honour: pairs a person said are the same (always
 * match) or are not (never match). They are plain input, so the identity subgraph can record a
 * link/unlink decision and simply re-run or re-apply resolution with the updated lists.
 */
import type { SourceSystem } from '../../../adapters/canonical';
import { sourceKey } from './normalisedParty';

export interface SourceRef {
  system: SourceSystem;
  localId: string;
}

export interface StewardOverrides {
  /** Pairs that must end up in one cluster (unless that contradicts a never-match pair). */
  alwaysMatch: ReadonlyArray<readonly [SourceRef, SourceRef]>;
  /** Pairs that must never end up in one cluster, whatever the evidence or other overrides. */
  neverMatch: ReadonlyArray<readonly [SourceRef, SourceRef]>;
}

export const NO_OVERRIDES: StewardOverrides = { alwaysMatch: [], neverMatch: [] };

/** The overrides as pairs of source keys (`SYSTEM:localId`), the form clustering works with. */
export function overridePairs(overrides: StewardOverrides): { always: Array<[string, string]>; never: Array<[string, string]> } {
  const toKeys = ([a, b]: readonly [SourceRef, SourceRef]): [string, string] => [sourceKey(a.system, a.localId), sourceKey(b.system, b.localId)];
  return { always: overrides.alwaysMatch.map(toKeys), never: overrides.neverMatch.map(toKeys) };
}

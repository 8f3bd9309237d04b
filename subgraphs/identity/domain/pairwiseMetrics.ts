/**
 * Pairwise precision, recall and F1 of a clustering against the truth: over all pairs of
 * records, how many pairs we put together are truly one person (precision) and how many truly
 * same-person pairs we put together (recall). Counted through the cluster x person contingency
 * table, so it is linear in the number of records, not quadratic.
 */
import type { SourceSystem } from '../../../adapters/canonical';
import { SYSTEM_REGISTRY, type LinksField } from '../../../systems/registry';
import { sourceKey } from './normalisedParty';

/** A person's records in each system, by crosswalk field (`cifs`, ...: the registry's local keys). */
export type TruthKeys = Record<LinksField, string[]>;

export interface TruthPerson {
  personId: string;
  keys: TruthKeys;
}

/** A person with no records yet: an empty list under every system's crosswalk field. */
export function noTruthKeys(): TruthKeys {
  return Object.fromEntries(SYSTEM_REGISTRY.map((system) => [system.localKey.links, []])) as unknown as TruthKeys;
}

export const TRUTH_KEY_SYSTEMS: ReadonlyArray<readonly [keyof TruthKeys, SourceSystem]> = SYSTEM_REGISTRY.map((system) => [system.localKey.links, system.name] as const);

export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  truePositivePairs: number;
  predictedPairs: number;
  truePairs: number;
  /** Records in the clusters with no person in the truth (each counted as its own person). */
  unknownRecords: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/** Adds one truth person to a record -> person index. */
export function indexTruthPerson(index: Map<string, string>, person: TruthPerson): void {
  for (const [field, system] of TRUTH_KEY_SYSTEMS) for (const id of person.keys[field] ?? []) index.set(sourceKey(system, id), person.personId);
}

export function pairwiseScore(
  clusters: Iterable<{ members: ReadonlyArray<{ system: SourceSystem; localId: string }> }>,
  personOfRecord: ReadonlyMap<string, string>,
): PairwiseScore {
  let predictedPairs = 0;
  let truePositivePairs = 0;
  let unknownRecords = 0;
  const clusteredPerPerson = new Map<string, number>();
  for (const cluster of clusters) {
    predictedPairs += pairs(cluster.members.length);
    const perPerson = new Map<string, number>();
    for (const m of cluster.members) {
      const person = personOfRecord.get(sourceKey(m.system, m.localId));
      if (person === undefined) {
        unknownRecords++;
        continue;
      }
      perPerson.set(person, (perPerson.get(person) ?? 0) + 1);
      clusteredPerPerson.set(person, (clusteredPerPerson.get(person) ?? 0) + 1);
    }
    for (const count of perPerson.values()) truePositivePairs += pairs(count);
  }
  // True pairs among the records that were clustered (records absent from the input are not the matcher's to find).
  let truePairs = 0;
  for (const count of clusteredPerPerson.values()) truePairs += pairs(count);
  const precision = predictedPairs === 0 ? 1 : truePositivePairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositivePairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositivePairs, predictedPairs, truePairs, unknownRecords };
}

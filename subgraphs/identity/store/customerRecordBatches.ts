import { sourceKey, type NormalisedParty, type ResolvedCluster } from '../matcherApi';
import type { CustomerRecordsBatch } from './discrepancyRows';
import type { PartyTexts } from './partyTexts';

/**
 * The initial load's customers with their records' JSON, for the discrepancy pass: from the
 * matcher's clusters and what the extract kept (loadSourceRecords.ts), nothing read back from
 * the database.
 */

/** A cluster member the extract did not give: the matcher and the extract disagree (a bug; the load fails). */
export class MissingRecordError extends Error {
  override readonly name = 'MissingRecordError';
}

/**
 * The text number of every cluster's every member, clusters in order and members in order
 * (cluster c's are the next `clusters[c].members.length`). Record i of `normalised` has text
 * number `textNumbers[i]`.
 */
export function memberTextNumbers(clusters: readonly ResolvedCluster[], normalised: readonly NormalisedParty[], textNumbers: Int32Array): Int32Array {
  const numberOf = new Map<string, number>();
  for (let i = 0; i < normalised.length; i += 1) numberOf.set(normalised[i].key, textNumbers[i]);
  const out = new Int32Array(clusters.reduce((sum, cluster) => sum + cluster.members.length, 0));
  let next = 0;
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      const n = numberOf.get(sourceKey(member.system, member.localId));
      if (n === undefined) throw new MissingRecordError('a resolved customer holds a record the extract did not give');
      out[next++] = n;
    }
  }
  return out;
}

/** The clusters `batchSize` at a time, each with its members' JSON texts (members as `memberTextNumbers` lists them). */
export function* customerRecordBatches(clusters: readonly ResolvedCluster[], memberTexts: Int32Array, texts: PartyTexts, batchSize: number): Generator<CustomerRecordsBatch> {
  let next = 0;
  for (let start = 0; start < clusters.length; start += batchSize) {
    const batch: CustomerRecordsBatch = { customerIds: [], counts: [], parties: [] };
    for (const cluster of clusters.slice(start, start + batchSize)) {
      batch.customerIds.push(cluster.customerId);
      batch.counts.push(cluster.members.length);
      for (let m = 0; m < cluster.members.length; m += 1) batch.parties.push(texts.text(memberTexts[next++]));
    }
    yield batch;
  }
}

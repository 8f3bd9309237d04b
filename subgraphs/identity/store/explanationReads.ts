import type { Kysely } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import { compileModel, defaultMatchModel, explainPair, normaliseParty, sourceKey, type MatchModel, type PairExplanation, type SourceRef } from '../matcherApi';
import { matchConfigOf } from './matchModelStore';
import { inList } from '../../../db/sqlArrays';

/** An explanation with the two records it is about. */
export interface RecordPairExplanation extends PairExplanation {
  a: SourceRef;
  b: SourceRef;
}

const compiledModels = new WeakMap<MatchModel, ReturnType<typeof compileModel>>();

/** Explains pairs of stored records with the store's current model (compiled once per model). */
async function explainer(db: Kysely<Schema>): Promise<(a: SourceParty, b: SourceParty) => RecordPairExplanation> {
  const config = await matchConfigOf(db);
  const model = config.model ?? defaultMatchModel();
  let compiled = compiledModels.get(model);
  if (!compiled) {
    compiled = compileModel(model);
    compiledModels.set(model, compiled);
  }
  const scorer = compiled;
  return (a, b) => ({ ...explainPair(normaliseParty(a), normaliseParty(b), scorer, config), a: { system: a.system, localId: a.localId }, b: { system: b.system, localId: b.localId } });
}

async function partiesOf(db: Kysely<Schema>, refs: readonly SourceRef[]): Promise<Map<string, SourceParty>> {
  if (refs.length === 0) return new Map();
  const rows = await db.selectFrom('source_records').select(['record_key', 'party']).where(inList('record_key', refs.map((r) => sourceKey(r.system, r.localId)))).execute();
  return new Map(rows.map((row) => [row.record_key, row.party as SourceParty]));
}

/** How the current model scores two stored records (null when either is unknown): levels and weights, never values. */
export async function explainRecords(db: Kysely<Schema>, a: SourceRef, b: SourceRef): Promise<RecordPairExplanation | null> {
  const parties = await partiesOf(db, [a, b]);
  const x = parties.get(sourceKey(a.system, a.localId));
  const y = parties.get(sourceKey(b.system, b.localId));
  if (!x || !y) return null;
  return (await explainer(db))(x, y);
}

/**
 * Every pair of a customer's records explained with the current model, strongest first (a
 * customer holds at most 16 records, so at most 120 pairs): why its records are one customer.
 */
export async function explainMembers(db: Kysely<Schema>, members: readonly SourceRef[]): Promise<RecordPairExplanation[]> {
  if (members.length < 2) return [];
  const parties = await partiesOf(db, members);
  const explain = await explainer(db);
  const found = members.map((m) => parties.get(sourceKey(m.system, m.localId))).filter((p): p is SourceParty => p !== undefined);
  const out: RecordPairExplanation[] = [];
  for (let i = 0; i < found.length; i++) for (let j = i + 1; j < found.length; j++) out.push(explain(found[i], found[j]));
  return out.sort((x, y) => y.matchWeight - x.matchWeight);
}

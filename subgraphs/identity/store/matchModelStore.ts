import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../db/schema';
import { DEFAULT_MATCH_CONFIG, modelToJson, parseModel, type MatchConfig, type MatchModel } from '../matcherApi';

const NAME = 'match_model';
let cached: { text: string; config: MatchConfig } | null = null;

/** Keeps the model the initial load trained (readable JSON), so every later change is scored with it. */
export async function saveMatchModel(trx: Transaction<Schema>, model: MatchModel): Promise<void> {
  const text = modelToJson(model);
  await trx.insertInto('identity_meta').values({ name: NAME, value: text }).onConflict((c) => c.column('name').doUpdateSet({ value: text })).execute();
}

/**
 * The matcher's settings with the stored model (parsed once per model). A store loaded before
 * models were kept has none: the config then carries none either, and the matcher falls back as
 * it documents (a neighbourhood too small to train on uses its default model).
 */
export async function matchConfigOf(db: Kysely<Schema> | Transaction<Schema>): Promise<MatchConfig> {
  const row = await db.selectFrom('identity_meta').select('value').where('name', '=', NAME).executeTakeFirst();
  if (!row) return DEFAULT_MATCH_CONFIG;
  if (cached?.text !== row.value) cached = { text: row.value, config: { ...DEFAULT_MATCH_CONFIG, model: parseModel(JSON.parse(row.value)) } };
  return cached.config;
}

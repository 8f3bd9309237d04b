import { sql, type Kysely } from 'kysely';
import type { SourceParty } from '../../../adapters/canonical';
import type { Schema } from '../../../db/schema';
import { blockingKeys, normaliseParty } from '../matcherApi';
import { blockingRulesFingerprint } from './blockingRules';
import { IDENTITY_LOCKS } from './locks';
import { unnestText } from '../../../db/sqlArrays';

const BATCH = 5000;

/**
 * Rebuilds `blocking_keys` when the matcher's blocking rules changed since the keys were built
 * (the fingerprint in identity_meta differs): each record's keys are recomputed from its stored
 * party, a batch per transaction, and the fingerprint is recorded last, so an interrupted run
 * simply runs again. Existing clusters are kept: new rules apply to the changes matched from now
 * on. Returns how many records got new keys, or null when the keys were current.
 */
export async function reindexIfRulesChanged(db: Kysely<Schema>): Promise<number | null> {
  const fingerprint = blockingRulesFingerprint();
  const stored = await db.selectFrom('identity_meta').select('value').where('name', '=', 'blocking_rules').executeTakeFirst();
  if (!stored || stored.value === fingerprint) return null;
  let after = '';
  let rebuilt = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${IDENTITY_LOCKS.WRITE})`.execute(trx);
      const rows = await trx.selectFrom('source_records').select(['record_key', 'party', 'block_keys']).where('record_key', '>', after).orderBy('record_key').limit(BATCH).execute();
      const stale = rows
        .map((row) => ({ key: row.record_key, old: row.block_keys, now: [...new Set(blockingKeys(normaliseParty(row.party as SourceParty)))] }))
        .filter((r) => r.old.length !== r.now.length || r.old.some((k, i) => k !== r.now[i]));
      if (stale.length > 0) {
        const old = stale.flatMap((r) => r.old.map((k) => [k, r.key] as const));
        if (old.length > 0) await sql`delete from blocking_keys where (block_key, record_key) in (select * from ${unnestText([old.map((o) => o[0]), old.map((o) => o[1])])})`.execute(trx);
        const now = stale.flatMap((r) => r.now.map((k) => [k, r.key] as const));
        if (now.length > 0) await sql`insert into blocking_keys (block_key, record_key) select * from ${unnestText([now.map((o) => o[0]), now.map((o) => o[1])])} on conflict do nothing`.execute(trx);
        await sql`update source_records set block_keys = array(select jsonb_array_elements_text(x.keys::jsonb))
          from ${unnestText([stale.map((r) => r.key), stale.map((r) => JSON.stringify(r.now))])} as x(k, keys) where source_records.record_key = x.k`.execute(trx);
      }
      rebuilt += stale.length;
      if (rows.length > 0) after = rows[rows.length - 1].record_key;
      return rows.length < BATCH;
    });
    if (done) break;
  }
  await sql`update identity_meta set value = ${fingerprint} where name = 'blocking_rules'`.execute(db);
  return rebuilt;
}

import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import type { SourceRef } from './matcherApi';
import type { StewardDecision } from './store/identityWrites';
import { changesById, decisionsById, membersOf, mergedIdsOf, type IdentityChange } from './store/identityReads';

/** Per-request batch readers: a page of 50 customers costs one query per kind of field, not 50. */
export interface IdentityLoaders {
  /** Key: `id` (now) or `id@asOf` (an ISO instant). */
  members: DataLoader<string, SourceRef[]>;
  mergedIds: DataLoader<string, string[]>;
  /** Whether a customer id was ever issued. */
  known: DataLoader<string, boolean>;
  changes: DataLoader<number, IdentityChange | null>;
  decisions: DataLoader<number, StewardDecision | null>;
}

export const membersKey = (id: string, asOf: string | null | undefined) => (asOf ? `${id}@${asOf}` : id);

export function createIdentityLoaders(db: Kysely<Schema>): IdentityLoaders {
  return {
    members: new DataLoader(async (keys) => {
      // One query per instant asked for (usually one: now).
      const byInstant = new Map<string, string[]>();
      for (const key of keys) {
        const [id, at = ''] = key.split('@');
        byInstant.set(at, [...(byInstant.get(at) ?? []), id]);
      }
      const found = new Map<string, SourceRef[]>();
      for (const [at, ids] of byInstant) {
        const members = await membersOf(db, ids, at ? new Date(at) : undefined);
        for (const [id, refs] of members) found.set(membersKey(id, at || null), refs);
      }
      return keys.map((key) => found.get(key) ?? []);
    }),
    mergedIds: new DataLoader(async (ids) => {
      const found = await mergedIdsOf(db, ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
    known: new DataLoader(async (ids) => {
      const rows = await db.selectFrom('customers').select('customer_id').where('customer_id', 'in', [...ids]).execute();
      const known = new Set(rows.map((r) => r.customer_id));
      return ids.map((id) => known.has(id));
    }),
    changes: new DataLoader(async (ids) => {
      const found = await changesById(db, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    decisions: new DataLoader(async (ids) => {
      const found = await decisionsById(db, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

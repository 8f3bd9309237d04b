import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { SOURCE_SYSTEMS, type SourceSystem } from '../../adapters/canonical';
import type { Schema } from '../../db/schema';
import type { Dataset } from '../../simulators/dataset/loadDataset';
import type { RunningSimulators } from '../../simulators/startAllSimulators';

/**
 * A call-center contact made to look like another person (names, email and phone of that
 * person's core-banking record): identity must move it from its own person's customer to the
 * other person's. Expected outcomes come from the dataset's truth, not from the matcher.
 */
export interface ContactMove {
  contactId: string;
  /** The CIF of the person the contact belongs to in the truth. */
  fromCif: string;
  /** The CIF of the person it is made to look like. */
  toCif: string;
  changes: { firstName: string; lastName: string; email: string; phone: string };
}

export function contactMoves(dataset: Dataset, count: number, skip = 0): ContactMove[] {
  const core = new Map(dataset.coreBanking.map((r) => [r.cif, r]));
  const single = dataset.truth.filter((p) => p.keys.cifs.length === 1);
  const movers = single.filter((p) => p.keys.contactIds.length === 1);
  const targets = single.filter((p) => {
    const record = core.get(p.keys.cifs[0])!;
    return record.email && record.phone && record.givenName && record.familyName;
  });
  const moves: ContactMove[] = [];
  const used = new Set<string>();
  let t = 0;
  for (const mover of movers.slice(skip)) {
    if (moves.length === count) break;
    if (used.has(mover.personId)) continue;
    while (t < targets.length && (used.has(targets[t].personId) || targets[t].personId === mover.personId)) t += 1;
    if (t >= targets.length) break;
    const target = targets[t++];
    used.add(mover.personId).add(target.personId);
    const record = core.get(target.keys.cifs[0])!;
    moves.push({
      contactId: mover.keys.contactIds[0],
      fromCif: mover.keys.cifs[0],
      toCif: target.keys.cifs[0],
      changes: { firstName: record.givenName, lastName: record.familyName, email: record.email!, phone: record.phone! },
    });
  }
  if (moves.length < count) throw new Error(`the dataset has only ${moves.length} contacts to move`);
  return moves;
}

export async function adminEdit(simulators: RunningSimulators, system: SourceSystem, body: unknown): Promise<void> {
  const response = await fetch(`${simulators[system].url}/__admin/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`admin edit refused: ${response.status} ${await response.text()}`);
}

export async function applyMoves(simulators: RunningSimulators, moves: readonly ContactMove[]): Promise<void> {
  for (const move of moves) await adminEdit(simulators, 'CALL_CENTER', { contactId: move.contactId, changes: move.changes });
}

/** The current crosswalk as `record -> customer id`, in record order. */
export async function currentCrosswalk(db: Kysely<Schema>): Promise<Array<[string, string]>> {
  const rows = await db.selectFrom('crosswalk').select(['record_key', 'customer_id']).where('valid_to', 'is', null).orderBy('record_key').execute();
  return rows.map((r) => [r.record_key, r.customer_id]);
}

export async function customerOf(db: Kysely<Schema>, system: SourceSystem, localId: string): Promise<string | null> {
  const row = await db.selectFrom('crosswalk').select('customer_id').where('record_key', '=', `${system}:${localId}`).where('valid_to', 'is', null).executeTakeFirst();
  return row?.customer_id ?? null;
}

export async function feedChangeCount(db: Kysely<Schema>, system?: SourceSystem): Promise<number> {
  const row = await db
    .selectFrom('feed_changes')
    .select(sql<number>`count(*)::int`.as('n'))
    .$if(system !== undefined, (q) => q.where('system', '=', system!))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Polls `check` until it holds (an event we cannot subscribe to: another process's commit). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface IdentityProcess {
  child: ChildProcess;
  /** Lifecycle events printed so far (`ready`, `leading`, `standby`, `loaded`, `error`). */
  events: Array<{ event: string; at: string; url?: string; leader?: boolean }>;
  waitFor(event: string, timeoutMs?: number): Promise<{ event: string; at: string; url?: string; leader?: boolean }>;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `subgraphs/identity/main.ts` as a process of its own (one node process: SIGKILL hits it). */
export function startIdentityProcess(env: Record<string, string>): IdentityProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'subgraphs', 'identity', 'main.ts')], {
    env: { ...process.env, IDENTITY_PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: IdentityProcess['events'] = [];
  let text = '';
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        events.push(JSON.parse(line));
      } catch {
        // Not a lifecycle line.
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return {
    child,
    events,
    output: () => text,
    async waitFor(event, timeoutMs = 120_000) {
      let found: IdentityProcess['events'][number] | undefined;
      await until(async () => {
        if (child.exitCode !== null && !events.some((e) => e.event === event)) throw new Error(`identity process exited (${child.exitCode}): ${text.slice(-800)}`);
        found = events.find((e) => e.event === event);
        return found !== undefined;
      }, `the identity process says ${event}`, timeoutMs, 20);
      return found!;
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
}

export function simulatorEnv(simulators: RunningSimulators): Record<string, string> {
  return Object.fromEntries(SOURCE_SYSTEMS.map((system) => [`${system}_URL`, simulators[system].url]));
}

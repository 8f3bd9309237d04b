/**
 * `npm run bench:pglite -- [--customers 20000] [--reads 3000] [--rounds 3]`: what the identity
 * read of a customer360 (`resolveCurrentCustomer`) costs on embedded PGlite, through PGlite's
 * `query` and as a named prepared statement (db/pglitePreparedStatements.ts), on one in-memory
 * store (BENCHMARKS.md, "Statements on embedded PGlite").
 *
 * The store holds `--customers` live customers with three current records each. Each round reads
 * `--reads` customers one after the other through each path in turn (the paths alternate, so
 * both see the same machine), and reports microseconds of wall time and of this process's CPU
 * per read; medians over the rounds. Both paths must return the same answers (checked first).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Kysely, sql } from 'kysely';
import { loadPglite, pgliteWireCodec } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { pgliteDialect } from '../db/pgliteDialect';
import type { Schema } from '../db/schema';
import { resolveCurrentCustomer } from '../subgraphs/identity/store/identityReads';
import { describeMachine } from './machine';

interface Measured {
  wallUs: number;
  cpuUs: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '20000' },
      reads: { type: 'string', default: '3000' },
      rounds: { type: 'string', default: '3' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run bench:pglite -- [--customers 20000] [--reads 3000] [--rounds 3]');
    return;
  }
  const customers = Number(values.customers);
  const reads = Number(values.reads);
  const rounds = Number(values.rounds);
  if (!(customers >= 1 && reads >= 1 && rounds >= 1)) throw new Error('--customers, --reads and --rounds must be positive');

  const pglite = loadPglite();
  const client = await pglite.PGlite.create();
  const codec = pgliteWireCodec(pglite);
  const prepared = new Kysely<Schema>({ dialect: pgliteDialect(client, codec) });
  const plain = new Kysely<Schema>({ dialect: pgliteDialect(client, codec, { prepare: false }) });
  try {
    await migrateToLatest(plain as Kysely<unknown>);
    await sql`insert into identity_changes (cause) values ('INITIAL_LOAD')`.execute(plain);
    await sql`insert into customers (customer_id, anchor, created_at, created_by)
      select 'cust_' || lpad(n::text, 8, '0'), 'CORE_BANKING:' || n, now() - interval '1 day', 1 from generate_series(1, ${customers}) as n`.execute(plain);
    await sql`insert into crosswalk (record_key, customer_id, valid_from, opened_by)
      select system || ':' || n, 'cust_' || lpad(n::text, 8, '0'), now() - interval '1 day', 1
      from generate_series(1, ${customers}) as n, unnest(array['CORE_BANKING', 'CARDS', 'ERP']) as system`.execute(plain);
    await sql`analyze`.execute(plain);
    const ids = Array.from({ length: reads }, (_, i) => `cust_${String(1 + ((i * 7919) % customers)).padStart(8, '0')}`);

    for (const id of ids.slice(0, 50)) {
      const [a, b] = [await resolveCurrentCustomer(plain, id), await resolveCurrentCustomer(prepared, id)];
      if (JSON.stringify(a) !== JSON.stringify(b) || a?.members?.length !== 3) throw new Error(`the two paths disagree on ${id}`);
    }

    const measure = async (db: Kysely<Schema>): Promise<Measured> => {
      const cpu = process.cpuUsage();
      const started = process.hrtime.bigint();
      for (const id of ids) await resolveCurrentCustomer(db, id);
      const wallUs = Number(process.hrtime.bigint() - started) / 1000 / reads;
      const used = process.cpuUsage(cpu);
      return { wallUs, cpuUs: (used.user + used.system) / reads };
    };
    await measure(plain);
    await measure(prepared);
    const results: Record<'plain' | 'prepared', Measured[]> = { plain: [], prepared: [] };
    for (let round = 0; round < rounds; round += 1) {
      results.plain.push(await measure(plain));
      results.prepared.push(await measure(prepared));
    }

    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const row = (name: string, list: Measured[]) => `| ${name} | ${median(list.map((m) => m.wallUs)).toFixed(0)} | ${median(list.map((m) => m.cpuUs)).toFixed(0)} | ${list.map((m) => m.cpuUs.toFixed(0)).join(', ')} |`;
    console.log(`Command: npm run bench:pglite -- --customers ${customers} --reads ${reads} --rounds ${rounds}`);
    const machine = describeMachine();
    console.log(`Machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGb} GB, Node ${machine.node}, ${machine.platform}; ended ${new Date().toISOString()}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')}.`);
    console.log('');
    console.log('| identity read (resolveCurrentCustomer) | us wall per read (median) | us CPU per read (median) | us CPU per round |');
    console.log('|---|---|---|---|');
    console.log(row("PGlite's query", results.plain));
    console.log(row('named prepared statement', results.prepared));
    console.log('');
    console.log(`prepared / query, CPU: ${(median(results.prepared.map((m) => m.cpuUs)) / median(results.plain.map((m) => m.cpuUs))).toFixed(2)}x`);
  } finally {
    await prepared.destroy().catch(() => undefined);
    await client.close().catch(() => undefined);
  }
}

main().catch((error: Error) => {
  console.error(`bench:pglite failed: ${error.message}`);
  process.exit(1);
});

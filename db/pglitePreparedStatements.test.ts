import type { PGlite, Results } from '@electric-sql/pglite';
import { loadPglite, pgliteWireCodec } from './database';
import { PglitePreparedStatements } from './pglitePreparedStatements';

const pglite = loadPglite();
const codec = pgliteWireCodec(pglite);

let client: PGlite;

beforeAll(async () => {
  client = await pglite.PGlite.create();
  await client.exec(`
    create table sample (
      id int primary key, name text, big bigint, amount numeric(12, 2), flag boolean,
      at timestamptz, doc jsonb, tags text[], raw bytea
    );
    insert into sample values
      (1, 'Anna', 9007199254740993, 12.50, true, '2026-01-02T03:04:05Z', '{"a": [1, 2]}', '{x,"y z"}', '\\x00ff'),
      (2, null, null, null, null, null, null, null, null),
      (3, 'O''Brien', -1, 0, false, '1999-12-31T23:59:59.999Z', '"text"', '{}', '\\x');
  `);
});
afterAll(() => client.close());

/** What PostgreSQL holds as prepared in this session (the statements' own view, not ours). */
async function preparedInSession(): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select name from pg_prepared_statements where name like 'uv_%' order by name`);
  return rows.map((row) => row.name);
}

function comparable(result: Results<unknown>) {
  return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows ?? 0 };
}

describe('PglitePreparedStatements answers as PGlite query does', () => {
  // [what, sql, parameters]: the expected answer is PGlite's own query of the same text.
  const cases: [string, string, unknown[]][] = [
    ['every column type', 'select * from sample order by id', []],
    ['a text parameter', 'select id from sample where name = $1', ['Anna']],
    ['a quote in a parameter', 'select id from sample where name = $1', ["O'Brien"]],
    ['a null parameter', 'select count(*)::int as n from sample where name is not distinct from $1', [null]],
    ['a number parameter (int)', 'select name from sample where id = $1', [3]],
    ['a bigint beyond 2^53 as text', 'select id from sample where big = $1::bigint', ['9007199254740993']],
    // (A Date object would do too, but jest's sandbox has a Date of its own that PGlite, loaded
    // outside it, does not recognise: the product passes ISO strings, as here.)
    ['a timestamp parameter', 'select id from sample where at < $1::timestamptz', ['2000-01-01T00:00:00Z']],
    ['a JSON parameter', 'select id from sample where doc @> $1::jsonb', [{ a: [1] }]],
    ['an array parameter', 'select id from sample where tags && $1::text[]', [['x', 'q']]],
    ['a boolean parameter', 'select id from sample where flag = $1 order by id', [false]],
    ['a bytea parameter', 'select id from sample where raw = $1', [new Uint8Array([0, 255])]],
    ['a CTE', 'with named as (select id from sample where name is not null) select count(*)::int as n from named', []],
    ['an update', 'update sample set flag = flag where id = any($1::int[])', [[1, 3]]],
  ];
  it.each(cases)('%s', async (_what, sql, params) => {
    const statements = new PglitePreparedStatements(client, codec);
    const expected = comparable(await client.query(sql, params));
    expect(comparable(await statements.query(sql, params))).toEqual(expected);
    // The second run goes through the prepared statement.
    expect(comparable(await statements.query(sql, params))).toEqual(expected);
  });
});

describe('PglitePreparedStatements keeps statements prepared', () => {
  let statements: PglitePreparedStatements;
  beforeEach(async () => {
    await client.exec('deallocate all');
    statements = new PglitePreparedStatements(client, codec, 2);
  });

  it('prepares a text once and runs it again without preparing', async () => {
    await statements.query('select name from sample where id = $1', [1]);
    const first = await preparedInSession();
    expect(first).toHaveLength(1);
    await statements.query('select name from sample where id = $1', [2]);
    expect(await preparedInSession()).toEqual(first);
  });

  it('passes transaction control, settings and DDL to query, unprepared', async () => {
    for (const sql of ['begin', 'set local statement_timeout = 1000', 'create temporary table scratch (id int)', 'rollback']) await statements.query(sql, []);
    expect(await preparedInSession()).toEqual([]);
    expect(statements.size).toBe(0);
  });

  it('keeps at most its capacity, closing the least recently used', async () => {
    await statements.query('select 1 as one', []);
    await statements.query('select 2 as two', []);
    await statements.query('select 1 as one', []);
    await statements.query('select 3 as three', []);
    expect(statements.size).toBe(2);
    expect(await preparedInSession()).toHaveLength(2);
    // The evicted one still answers.
    expect((await statements.query<{ two: number }>('select 2 as two', [])).rows).toEqual([{ two: 2 }]);
  });

  it('shares one statement between queries of one text at once', async () => {
    const answers = await Promise.all([1, 2, 3, 1, 2].map((id) => statements.query<{ name: string | null }>('select name from sample where id = $1', [id])));
    expect(answers.map((answer) => answer.rows[0]?.name)).toEqual(['Anna', null, "O'Brien", 'Anna', null]);
    expect(await preparedInSession()).toHaveLength(1);
  });

  it('answers with the new shape after the table under a prepared statement changed', async () => {
    await client.exec('create table shifting (id int)');
    await client.exec('insert into shifting values (1)');
    expect((await statements.query('select * from shifting', [])).rows).toEqual([{ id: 1 }]);
    await client.exec(`alter table shifting add column label text default 'new'`);
    expect((await statements.query('select * from shifting', [])).rows).toEqual([{ id: 1, label: 'new' }]);
    await client.exec('drop table shifting');
  });

  it('inside a transaction, gives the stale statement\'s own error (not 25P02) and prepares anew after it', async () => {
    await client.exec('create table moving (id int)');
    await client.exec('insert into moving values (1)');
    expect((await statements.query('select * from moving', [])).rows).toEqual([{ id: 1 }]);
    await client.query('begin');
    await client.query(`alter table moving add column label text default 'new'`);
    const error = (await statements.query('select * from moving', []).then(
      () => undefined,
      (failure: unknown) => failure,
    )) as { code?: string } | undefined;
    expect(error?.code).toBe('0A000');
    await client.query('rollback');
    expect((await statements.query('select * from moving', [])).rows).toEqual([{ id: 1 }]);
    expect(await preparedInSession()).toHaveLength(1);
    await client.exec('drop table moving');
  });

  it('prepares again a statement the session lost (DEALLOCATE)', async () => {
    await statements.query('select count(*)::int as n from sample', []);
    await client.exec('deallocate all');
    expect((await statements.query('select count(*)::int as n from sample', [])).rows).toEqual([{ n: 3 }]);
  });

  it('rolls back a prepared write with its transaction', async () => {
    await client.query('begin');
    await statements.query('insert into sample (id, name) values ($1, $2)', [99, 'Temporary']);
    await client.query('rollback');
    expect((await client.query('select id from sample where id = 99')).rows).toEqual([]);
  });
});

describe('PglitePreparedStatements fails closed', () => {
  // [what, sql, parameters, SQLSTATE]
  const failures: [string, string, unknown[], string][] = [
    ['a duplicate key', 'insert into sample (id, name) values ($1, $2)', [1, 'Secret Name'], '23505'],
    ['a syntax error', 'select from from sample where', [], '42601'],
    ['an unknown table', 'select * from no_such_table where id = $1', [1], '42P01'],
    ['a value of the wrong type', 'select id from sample where id = $1', ['not-a-number'], '22P02'],
  ];
  // PostgreSQL's own message may quote a value it could not read (22P02); what this adds is
  // that the error does not carry the statement's text and parameters, as PGlite's query does.
  it.each(failures)('%s: the SQLSTATE, neither text nor parameters on the error, and the session still answers', async (_what, sql, params, code) => {
    const live = new PglitePreparedStatements(client, codec);
    const error = (await live.query(sql, params).then(
      () => undefined,
      (failure: unknown) => failure,
    )) as { code?: string; query?: unknown; params?: unknown } | undefined;
    expect(error?.code).toBe(code);
    expect(error?.params).toBeUndefined();
    expect(error?.query).toBeUndefined();
    expect((await live.query<{ n: number }>('select count(*)::int as n from sample', [])).rows).toEqual([{ n: 3 }]);
  });
  it('refuses once its client is closed, as PGlite does', async () => {
    const closing = await pglite.PGlite.create();
    const live = new PglitePreparedStatements(closing, codec);
    expect((await live.query<{ one: number }>('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
    await closing.close();
    await expect(live.query('select 1 as one', [])).rejects.toThrow(/closed/i);
  });

  it('needs room for one statement', () => {
    expect(() => new PglitePreparedStatements(client, codec, 0)).toThrow('capacity');
  });
});

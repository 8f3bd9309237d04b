import type { PGlite } from '@electric-sql/pglite';
import { PglitePreparedStatements, type PgliteWireCodec } from './pglitePreparedStatements';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';

/** How a connection runs a statement: prepared (PglitePreparedStatements) or through PGlite's query. */
type StatementRunner = Pick<PglitePreparedStatements, 'query'>;

/**
 * Kysely over an embedded PGlite. PGlite is one PostgreSQL session, so this driver hands out
 * that session to one Kysely "connection" at a time: a transaction holds it from BEGIN to
 * COMMIT, and every other query waits its turn instead of running inside someone else's
 * transaction. (kysely-pglite 0.6 shares the session between concurrent connections, so a
 * rolled-back transaction took other requests' writes with it; it is also ESM-only.)
 * Queries run as named prepared statements (pglitePreparedStatements.ts); `prepare: false` runs
 * each through PGlite's `query` instead (the benchmark's baseline, bench/pgliteStatements.ts).
 */
export function pgliteDialect(client: PGlite, codec: PgliteWireCodec, options: { prepare?: boolean } = {}): Dialect {
  const statements = options.prepare === false ? { query: <R>(text: string, params: readonly unknown[]) => client.query<R>(text, [...params]) } : new PglitePreparedStatements(client, codec);
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(client, statements),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

class PgliteConnection implements DatabaseConnection {
  constructor(
    private readonly statements: StatementRunner,
    readonly release: () => void,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.statements.query<R>(compiled.sql, compiled.parameters);
    const affected = result.affectedRows;
    return { rows: result.rows, ...(affected !== undefined && affected > 0 ? { numAffectedRows: BigInt(affected) } : {}) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}

class PgliteDriver implements Driver {
  /** Settles when the current holder of the session releases it. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: PGlite,
    private readonly statements: StatementRunner,
  ) {}

  async init(): Promise<void> {
    await this.client.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => released);
    await previous;
    return new PgliteConnection(this.statements, release);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PgliteConnection).release();
  }

  async destroy(): Promise<void> {
    await this.tail;
    await this.client.close();
  }
}

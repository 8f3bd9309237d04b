import { randomBytes } from 'node:crypto';
import type { PGlite, Results, protocol as pgliteProtocol, parse as pgliteParse } from '@electric-sql/pglite';

/** The two pieces of PGlite's public API this needs, from the module the caller loaded (database.ts). */
export interface PgliteWireCodec {
  serialize: typeof pgliteProtocol.serialize;
  parseResults: typeof pgliteParse.parseResults;
}

/** Statements kept prepared at once (a Close frees the least recently used beyond this). */
export const DEFAULT_PREPARED_CAPACITY = 256;

/** Only plain DML is prepared; transaction control, SET, DDL and COPY go through PGlite's query. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * A prepared statement is dropped, and the query prepared again once, when the tables under it
 * changed shape (0A000 raised by PostgreSQL's plan revalidation: "cached plan must not change
 * result type") or the session lost it (26000, after a DEALLOCATE or DISCARD).
 */
function statementIsStale(error: unknown): boolean {
  const { code, routine } = (error ?? {}) as { code?: string; routine?: string };
  return code === '26000' || (code === '0A000' && routine === 'RevalidateCachedQuery');
}

/**
 * Statement names: a prefix per loaded copy of this module (a test runner may load two on one
 * session) and a sequence, so two instances never collide.
 */
const NAME_PREFIX = `uv_${randomBytes(4).toString('hex')}_`;
let statementSequence = 0;

interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * Named prepared statements on an embedded PGlite, one per distinct SQL text, least recently used
 * first out.
 *
 * Why: PGlite's `query` parses, describes and plans every statement afresh, in six protocol
 * exchanges; a customer360's identity read cost ~350 us that way and ~65 us as a named statement
 * (bind, describe, execute and sync in one exchange, the plan cached by PostgreSQL), measured on
 * the project's VM. PostgreSQL re-plans a prepared statement itself when its tables change.
 *
 * What stays as `query` does it: parameters are typed from the statement's own description and
 * serialized with the client's serializers, rows parsed with its parsers, errors are PGlite's
 * DatabaseError with its SQLSTATE, the file system is synced after each statement. Unlike
 * `query`, a failed statement's error carries neither its text nor its parameters (they may hold
 * customer data, and an error can end up in a log).
 *
 * Callers must not run two statements at once on one session: pgliteDialect.ts hands the session
 * to one connection at a time. Each protocol exchange also takes PGlite's own locks, as `query`
 * does.
 */
export class PglitePreparedStatements {
  private readonly statements = new Map<string, Promise<Prepared>>();

  constructor(
    private readonly client: PGlite,
    private readonly codec: PgliteWireCodec,
    private readonly capacity = DEFAULT_PREPARED_CAPACITY,
  ) {
    if (!(capacity >= 1)) throw new Error('prepared statement capacity must be at least 1');
  }

  /** How many statements are prepared now (for tests and diagnostics). */
  get size(): number {
    return this.statements.size;
  }

  async query<R>(text: string, params: readonly unknown[]): Promise<Results<R>> {
    if (!PREPARABLE.test(text)) return this.client.query<R>(text, [...params]);
    const prepared = await this.preparedFor(text);
    try {
      return await this.execute<R>(prepared, params);
    } catch (error) {
      if (!statementIsStale(error)) throw error;
      await this.forget(text, prepared);
      // Inside a transaction block the error has aborted the transaction: a retry could only fail
      // with 25P02, so the caller gets the real error (its next transaction prepares anew).
      if (this.client.isInTransaction()) throw error;
      return this.execute<R>(await this.preparedFor(text), params);
    }
  }

  private async preparedFor(text: string): Promise<Prepared> {
    const known = this.statements.get(text);
    if (known) {
      // Most recently used last: Map keeps insertion order.
      this.statements.delete(text);
      this.statements.set(text, known);
      return known;
    }
    // The promise is kept, not the result: two queries of one text at once (a transaction's
    // Promise.all) share one statement.
    const preparing = this.prepare(text);
    this.statements.set(text, preparing);
    let prepared: Prepared;
    try {
      prepared = await preparing;
    } catch (error) {
      if (this.statements.get(text) === preparing) this.statements.delete(text);
      throw error;
    }
    // Closing the least recently used needs more distinct texts at once than the capacity to
    // race a query still using it; that query would then see 26000 and prepare again.
    if (this.statements.size > this.capacity) {
      const oldest = this.statements.keys().next().value as string;
      await this.forget(oldest, await this.statements.get(oldest)!.catch(() => undefined));
    }
    return prepared;
  }

  private async prepare(text: string): Promise<Prepared> {
    const { serialize } = this.codec;
    const name = `${NAME_PREFIX}${++statementSequence}`;
    const messages = await this.exchange([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]);
    const description = messages.find((message) => message.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined;
    return { name, paramTypes: description?.dataTypeIDs ?? [] };
  }

  private async execute<R>(prepared: Prepared, params: readonly unknown[]): Promise<Results<R>> {
    const { serialize, parseResults } = this.codec;
    // As PGlite's query: the serializer of the type PostgreSQL inferred, else the value's text.
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serializer = this.client.serializers[prepared.paramTypes[index]];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await this.exchange([
      serialize.bind({ statement: prepared.name, values }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    ]);
    await this.client.syncToFs();
    return parseResults(messages, this.client.parsers)[0] as Results<R>;
  }

  /** Closes `prepared` and drops it from the cache if the cache still holds it for `text` (not a newer one). */
  private async forget(text: string, prepared: Prepared | undefined): Promise<void> {
    if (!prepared) return;
    const current = this.statements.get(text);
    if (current && (await current.catch(() => undefined)) === prepared) this.statements.delete(text);
    // Best effort: the caller's own error (or answer) matters more than a statement left open.
    await this.exchange([this.codec.serialize.close({ type: 'S', name: prepared.name }), this.codec.serialize.sync()]).catch(() => undefined);
  }

  /**
   * One round of protocol messages under PGlite's locks, as its `query` takes them (refused once
   * the client is closing); an ErrorResponse rejects with PGlite's DatabaseError.
   */
  private async exchange(parts: Uint8Array[]) {
    const message = new Uint8Array(parts.reduce((length, part) => length + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      message.set(part, offset);
      offset += part.byteLength;
    }
    await this.client._checkReady();
    return this.client._runExclusiveTransaction(() => this.client._runExclusiveQuery(() => this.client.execProtocolStream(message, { syncToFs: false })));
  }
}

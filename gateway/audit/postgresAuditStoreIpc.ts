import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from './auditEvent';
import type { AuditPage, AuditQuery, AuditStore } from './auditStore';

/**
 * The audit trail for gateway worker processes (GATEWAY_WORKERS=N) when the database is the
 * embedded PGlite, which only one process can open: each worker hands its appends and queries
 * to the primary (node:cluster IPC), which writes them to its store. An append resolves only
 * once the primary's store has it, so a worker's fail-closed behaviour is the store's.
 * With DATABASE_URL, workers open the database themselves and this is not used.
 */

const REQUEST = 'uv-audit-request';
const REPLY = 'uv-audit-reply';

type Call = { op: 'append'; event: AuditEvent } | { op: 'query'; query: Omit<AuditQuery, 'from' | 'to'> & { from?: string; to?: string } };
type Request = { type: typeof REQUEST; id: string } & Call;
type Outcome = { ok: true; page?: AuditPage } | { ok: false; error: string };
type Reply = { type: typeof REPLY; id: string } & Outcome;

export class AuditStoreUnavailableError extends Error {
  override readonly name = 'AuditStoreUnavailableError';
}

/** A worker's store: every call goes to the primary. */
export class IpcAuditStore implements AuditStore {
  readonly kind = 'postgres' as const;
  private readonly pending = new Map<string, { resolve: (reply: Reply) => void; timer: NodeJS.Timeout }>();
  private readonly onMessage = (message: unknown) => {
    const reply = message as Reply;
    if (reply?.type !== REPLY) return;
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(reply.id);
    waiting.resolve(reply);
  };

  constructor(private readonly timeoutMs = 5000) {
    if (!process.send) throw new AuditStoreUnavailableError('no parent process to send audit events to');
    process.on('message', this.onMessage);
  }

  async append(event: AuditEvent): Promise<void> {
    await this.call({ op: 'append', event });
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const reply = await this.call({ op: 'query', query: { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() } });
    return reply.page ?? { events: [], hasNextPage: false };
  }

  async close(): Promise<void> {
    process.off('message', this.onMessage);
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.resolve({ type: REPLY, id, ok: false, error: 'closed' } as Reply);
    }
    this.pending.clear();
  }

  private call(body: Call): Promise<{ ok: true; page?: AuditPage }> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AuditStoreUnavailableError('the audit store did not answer in time'));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: (reply) => (reply.ok ? resolve(reply) : reject(new AuditStoreUnavailableError(reply.error))), timer });
      process.send!({ type: REQUEST, id, ...body }, undefined, undefined, (error: Error | null) => {
        if (!error) return;
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new AuditStoreUnavailableError('the audit store cannot be reached'));
      });
    });
  }
}

/** In the primary: answers every worker's audit calls from `store`. Returns the function that stops it. */
export function serveAuditStoreToWorkers(store: AuditStore): () => void {
  const onMessage = (worker: Worker, message: unknown) => {
    const request = message as Request;
    if (request?.type !== REQUEST) return;
    const answer = (reply: Outcome) => {
      if (worker.isConnected()) worker.send({ type: REPLY, id: request.id, ...reply });
    };
    const work =
      request.op === 'append'
        ? store.append(request.event).then(() => ({ ok: true as const }))
        : store
            .query({ ...request.query, from: request.query.from ? new Date(request.query.from) : undefined, to: request.query.to ? new Date(request.query.to) : undefined })
            .then((page) => ({ ok: true as const, page }));
    // The store's own message may name hosts or tables: the worker learns only that it failed.
    work.then(answer, () => answer({ ok: false, error: 'the audit store refused or failed' }));
  };
  cluster.on('message', onMessage);
  return () => cluster.off('message', onMessage);
}

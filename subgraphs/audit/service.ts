import type { AuditStore } from '../../gateway/audit/auditStore';
import { processAuditStore } from '../../gateway/audit/recordAuditEvent';
import { serveSubgraph, type RunningSubgraph } from '../runtime/serveSubgraph';
import { auditResolvers, type AuditContext } from './resolvers';

/**
 * The audit subgraph: `auditTrail` for auditors, read from the same append-only store the
 * gateway writes (default: the process store, the `audit_trail` table of the store of record).
 */
export function startAuditSubgraph(options: { port?: number; store?: AuditStore } = {}): Promise<RunningSubgraph> {
  const store = options.store ?? processAuditStore();
  return serveSubgraph<AuditContext>({
    name: 'audit',
    sdlFile: 'audit.graphql',
    resolvers: auditResolvers,
    context: () => ({ store }),
    port: options.port,
  });
}

import type { SourceSystem } from '../../adapters/canonical';
import type { StewardDecisionKind } from './identityService';
import type { IdentityContext } from './resolvers';

interface StewardInput {
  input: { a: { system: SourceSystem; localId: string }; b: { system: SourceSystem; localId: string }; reason: string };
}

const refused = (code: string, message: string) => ({ decision: null, customers: [], errors: [{ code, message }] });

/**
 * linkSourceRecords / unlinkSourceRecords: a data steward overrides the matcher for one pair of
 * records. The decision is applied incrementally (only the two records' neighbourhood is
 * re-clustered), recorded with who, when and why, and answered with the resulting customers.
 * Who may call it is the gateway's field policy (data-steward role).
 */
export function stewardMutation(kind: StewardDecisionKind) {
  return async (_: unknown, { input }: StewardInput, { service, principal }: IdentityContext) => {
    const reason = input.reason.trim();
    if (reason.length < 3 || reason.length > 500) return refused('REASON_REQUIRED', 'Say why, in 3 to 500 characters.');
    const a = { system: input.a.system, localId: input.a.localId.trim() };
    const b = { system: input.b.system, localId: input.b.localId.trim() };
    if (a.system === b.system && a.localId === b.localId) return refused('SAME_RECORD', 'A record cannot be linked to or unlinked from itself.');
    for (const ref of [a, b]) {
      if (!service.hasRecord(ref)) return refused('UNKNOWN_RECORD', `No ${ref.system} record has this key.`);
    }
    const made = kind === 'LINK' ? await service.link(a, b, principal, reason) : await service.unlink(a, b, principal, reason);
    const crosswalk = service.view().crosswalk;
    const ids = [...new Set([crosswalk.customerOf(a.system, a.localId), crosswalk.customerOf(b.system, b.localId)].filter((id): id is string => id !== null))];
    return { decision: made, customers: ids.map((id) => ({ id })), errors: [] };
  };
}

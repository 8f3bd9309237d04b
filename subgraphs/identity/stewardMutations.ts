import type { MutationLinkSourceRecordsArgs, StewardErrorCode } from '../../schema/generated/identity';
import type { StewardDecisionKind } from './identityService';
import type { IdentityContext } from './resolvers';

const refused = (code: StewardErrorCode, message: string) => ({ decision: null, customers: [], errors: [{ code, message }] });

/**
 * linkSourceRecords / unlinkSourceRecords: a data steward overrides the matcher for one pair of
 * records. The decision is stored and applied in one transaction (only the two records'
 * neighbourhood is re-clustered), with who, when and why, and answered with the resulting
 * customers. Who may call it is the gateway's field policy (data-steward role).
 */
export function stewardMutation(kind: StewardDecisionKind) {
  return async (_: unknown, { input }: MutationLinkSourceRecordsArgs, { service, principal }: IdentityContext) => {
    const reason = input.reason.trim();
    if (reason.length < 3 || reason.length > 500) return refused('REASON_REQUIRED', 'Say why, in 3 to 500 characters.');
    const a = { system: input.a.system, localId: input.a.localId.trim() };
    const b = { system: input.b.system, localId: input.b.localId.trim() };
    if (a.system === b.system && a.localId === b.localId) return refused('SAME_RECORD', 'A record cannot be linked to or unlinked from itself.');
    const outcome = kind === 'LINK' ? await service.link(a, b, principal, reason) : await service.unlink(a, b, principal, reason);
    if ('refused' in outcome) return refused(outcome.refused, `No ${outcome.ref.system} record has this key.`);
    return { decision: outcome.decision, customers: outcome.customerIds.map((id) => ({ id })), errors: [] };
  };
}

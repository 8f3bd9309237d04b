/** Who is asking, as the audit trail records it. */
export interface AuditPrincipal {
  subject: string;
  channel: string | null;
  roles: string[];
}

export const ANONYMOUS: AuditPrincipal = { subject: 'anonymous', channel: null, roles: [] };

/**
 * The principal the auth plugin put on the request context (`context.principal = { sub,
 * channel, roles }`), read defensively: no principal (auth off, or a request refused before
 * auth) or an unexpected shape is recorded as anonymous rather than failing the audit.
 */
export function principalOf(context: object): AuditPrincipal {
  const principal = (context as { principal?: unknown }).principal;
  if (principal === null || typeof principal !== 'object') return ANONYMOUS;
  const { sub, channel, roles } = principal as { sub?: unknown; channel?: unknown; roles?: unknown };
  if (typeof sub !== 'string' || sub === '') return ANONYMOUS;
  return {
    subject: sub.slice(0, 256),
    channel: typeof channel === 'string' && channel !== '' ? channel.slice(0, 64) : null,
    roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string' && r !== '').map((r) => r.slice(0, 64)).slice(0, 64) : [],
  };
}

/** Who is asking, as the audit trail records it. */
export interface AuditPrincipal {
  subject: string;
  channel: string | null;
  roles: string[];
}

export const ANONYMOUS: AuditPrincipal = { subject: 'anonymous', channel: null, roles: [] };

/**
 * The principal useAuthentication put on the request context (gateway/auth/principal.ts:
 * `{ subject, channel?, roles }`; a raw claims-shaped `{ sub }` is read too), read
 * defensively: no principal (auth off in development, or a request refused before auth) or an
 * unexpected shape is recorded as anonymous rather than failing the audit.
 */
export function principalOf(context: object): AuditPrincipal {
  const principal = (context as { principal?: unknown }).principal;
  if (principal === null || typeof principal !== 'object') return ANONYMOUS;
  const { subject, sub, channel, roles } = principal as { subject?: unknown; sub?: unknown; channel?: unknown; roles?: unknown };
  const id = typeof subject === 'string' && subject !== '' ? subject : sub;
  if (typeof id !== 'string' || id === '') return ANONYMOUS;
  return {
    subject: id.slice(0, 256),
    channel: typeof channel === 'string' && channel !== '' ? channel.slice(0, 64) : null,
    roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string' && r !== '').map((r) => r.slice(0, 64)).slice(0, 64) : [],
  };
}

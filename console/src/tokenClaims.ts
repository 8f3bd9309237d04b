/**
 * What a pasted token says about its holder, for display only: the gateway verifies the
 * signature on every request, the console never trusts these claims for anything else
 * (hiding the audit tab from a teller is convenience, not security).
 */
export interface TokenClaims {
  subject: string;
  roles: string[];
  channel?: string;
  /** Expiry, epoch seconds. */
  expiresAt?: number;
}

export class UnreadableTokenError extends Error {
  override readonly name = 'UnreadableTokenError';
}

/** The claims of a compact JWS (`header.payload.signature`); throws UnreadableTokenError otherwise. */
export function readTokenClaims(token: string): TokenClaims {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => p === '')) throw new UnreadableTokenError('This is not a JWT (expected three dot-separated parts).');
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    throw new UnreadableTokenError('The token payload is not readable JSON.');
  }
  if (typeof payload !== 'object' || payload === null) throw new UnreadableTokenError('The token payload is not a claims object.');
  const claims = payload as Record<string, unknown>;
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : typeof claims.roles === 'string' ? [claims.roles] : [];
  return {
    subject: typeof claims.sub === 'string' ? claims.sub : '(no subject)',
    roles,
    ...(typeof claims.channel === 'string' ? { channel: claims.channel } : {}),
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp } : {}),
  };
}

export function isExpired(claims: TokenClaims, nowMs: number): boolean {
  return claims.expiresAt !== undefined && claims.expiresAt * 1000 <= nowMs;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

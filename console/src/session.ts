import { readTokenClaims, type TokenClaims } from './tokenClaims';

/**
 * The signed-in token, kept in sessionStorage: it lives as long as the browser tab (a
 * shared branch workstation forgets it when the tab closes) and is shared with the explorer,
 * which prefills its Authorization header from it.
 */
export const TOKEN_STORAGE_KEY = 'unified-view.token';

export interface Session {
  /** Undefined: signed in without a token (a development gateway with authentication off). */
  token?: string;
  claims?: TokenClaims;
}

export function loadSession(): Session | undefined {
  const stored = sessionStorage.getItem(TOKEN_STORAGE_KEY);
  if (stored === null) return undefined;
  if (stored === '') return {};
  try {
    return { token: stored, claims: readTokenClaims(stored) };
  } catch {
    sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    return undefined;
  }
}

/** Throws UnreadableTokenError for a token that is not a JWT. */
export function startSession(token: string | undefined): Session {
  const trimmed = token?.trim().replace(/^Bearer\s+/i, '');
  if (!trimmed) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, '');
    return {};
  }
  const claims = readTokenClaims(trimmed);
  sessionStorage.setItem(TOKEN_STORAGE_KEY, trimmed);
  return { token: trimmed, claims };
}

export function endSession(): void {
  sessionStorage.removeItem(TOKEN_STORAGE_KEY);
}

export function hasRole(session: Session, role: string): boolean {
  return session.claims?.roles.includes(role) ?? false;
}

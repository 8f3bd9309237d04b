import { hs256Secret } from '../../gateway/auth/authConfig';
import { mintToken } from '../../gateway/auth/mintToken';
import { DEFAULT_ABUSE_LIMITS } from '../../gateway/plugins/useAbuseLimits';
import type { SecurityOptions } from '../../gateway/plugins';

/** The HS256 secret every test stack verifies tokens with (tests only: never a deployment's). */
/** The test secret as text, for processes configured through AUTH_HS256_SECRET. */
export const TEST_AUTH_SECRET_TEXT = 'unified-view-test-secret-0123456789abcdef';
export const TEST_AUTH_SECRET = hs256Secret(TEST_AUTH_SECRET_TEXT);

/** The test stacks' security: real authentication and field policy, no rate limit (tests of that start their own gateways). */
export function testSecurityOptions(overrides: Partial<SecurityOptions> = {}): SecurityOptions {
  return { auth: { hs256Secret: TEST_AUTH_SECRET }, limits: DEFAULT_ABUSE_LIMITS, deadlineMs: 10_000, ...overrides };
}

/** A bearer token for `role` (or several roles) signed with the test secret; `claims` override or add claims. */
export function tokenFor(
  role: string | readonly string[],
  options: { subject?: string; channel?: string; ttl?: string | number; customerId?: string; issuer?: string; audience?: string; claims?: Record<string, unknown> } = {},
): Promise<string> {
  return mintToken({
    secret: TEST_AUTH_SECRET,
    roles: typeof role === 'string' ? [role] : role,
    subject: options.subject ?? `test-${typeof role === 'string' ? role : role.join('+')}`,
    channel: options.channel,
    ttl: options.ttl ?? '1h',
    customerId: options.customerId,
    issuer: options.issuer,
    audience: options.audience,
    claims: options.claims,
  });
}

/** `{ authorization: 'Bearer ...' }` for `role`. */
export async function authHeaders(role: string | readonly string[], options: Parameters<typeof tokenFor>[1] = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(role, options)}` };
}

let defaultToken: Promise<string> | undefined;
/** The token postGraphQL sends when the test gives no authorization header: an auditor (reads every class). */
export function defaultTestToken(): Promise<string> {
  defaultToken ??= tokenFor('auditor', { subject: 'test-default-auditor', ttl: '6h' });
  return defaultToken;
}

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

/**
 * The role a test calls as when it names none: `integration`, the role that reads no sensitive
 * class (gateway/auth/fieldPolicy.ts), so a test that reads customer data must say whose
 * scenario it plays (`callAs('teller')`, or `authHeaders(role)` per request) and a test that
 * needs every field says so (`callAs('auditor', ...)`). Least privilege by default: an end-to-end
 * test that forgets its role sees the field policy refuse, instead of an auditor reading everything.
 */
export const LEAST_PRIVILEGED_TEST_ROLE = 'integration';

let fileRole: { roles: readonly string[]; why: string } | undefined;

/**
 * The role every request of this test file makes unless it passes its own `authorization`
 * (jest loads this module once per file, so the choice stays in the file). `why` says, in the
 * test, why the scenario belongs to that role; it is required for the auditor (every field).
 */
export function callAs(role: string | readonly string[], why?: string): void {
  const roles = typeof role === 'string' ? [role] : role;
  if (roles.includes('auditor') && !why) throw new Error('callAs(auditor) reads every field: say why the test needs them');
  fileRole = { roles, why: why ?? '' };
  tokens.clear();
}

/** The roles a request without its own authorization header acts with (see callAs). */
export function defaultTestRoles(): readonly string[] {
  if (fileRole) return fileRole.roles;
  return [LEAST_PRIVILEGED_TEST_ROLE];
}

const tokens = new Map<string, Promise<string>>();
/** The token postGraphQL sends when the test gives no authorization header: the file's role (callAs), else the least-privileged one. */
export function defaultTestToken(): Promise<string> {
  const roles = defaultTestRoles();
  const key = roles.join('+');
  let token = tokens.get(key);
  if (!token) {
    token = tokenFor(roles, { subject: `test-default-${key}`, ttl: '6h' });
    tokens.set(key, token);
  }
  return token;
}

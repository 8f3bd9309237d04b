import { SignJWT } from 'jose';
import { CUSTOMER_CLAIM } from './principal';

export interface MintTokenInput {
  /** HS256 secret (the same bytes the gateway verifies with). */
  secret: Uint8Array;
  roles: readonly string[];
  subject?: string;
  channel?: string;
  /** Lifetime: seconds, or jose's time span (`1h`, `30m`). Default 1h; the gateway refuses more than its cap (12 h by default). */
  ttl?: string | number;
  /** The customer a self-service token acts for (the `customer_id` claim; required for mobile-app). */
  customerId?: string;
  issuer?: string;
  audience?: string;
  /** Extra or overriding claims (tests: `nbf`, ...). */
  claims?: Record<string, unknown>;
}

/** Signs an HS256 token for development and tests (production tokens come from the identity provider). */
export async function mintToken(input: MintTokenInput): Promise<string> {
  const ttl = input.ttl ?? '1h';
  const claims = input.claims ?? {};
  // Claims given explicitly (tests set exp, nbf, sub) win; `undefined` removes a claim.
  let jwt = new SignJWT({
    roles: [...input.roles],
    ...(input.channel ? { channel: input.channel } : {}),
    ...(input.customerId ? { [CUSTOMER_CLAIM]: input.customerId } : {}),
    sub: input.subject ?? 'dev-user',
    ...claims,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt();
  if (!('exp' in claims)) jwt = jwt.setExpirationTime(typeof ttl === 'number' ? Math.floor(Date.now() / 1000) + ttl : ttl);
  if (input.issuer) jwt = jwt.setIssuer(input.issuer);
  if (input.audience) jwt = jwt.setAudience(input.audience);
  return jwt.sign(input.secret);
}

import { z } from 'zod/v4';
import { CUSTOMER_ID_PATTERN } from '../audit/customerIdsTouched';

/** The claim naming the one customer a self-service token (mobile-app) acts for. */
export const CUSTOMER_CLAIM = 'customer_id';

/** Who is calling: taken from a verified token's claims, never from anything the client asserts otherwise. */
export interface Principal {
  /** The token's `sub`: an employee or service id (not a customer). */
  subject: string;
  /** Where the call comes from (`branch`, `mobile`, `call-center`, `back-office`...); informational. */
  channel?: string;
  /** The token's `roles` (`teller`, `auditor`...); unknown roles grant nothing. */
  roles: string[];
  /**
   * The token's `customer_id`: the global id of the one customer this principal acts for (a
   * customer in the mobile app). When set, the gateway refuses every other customer
   * (gateway/plugins/useCustomerScope.ts).
   */
  customerId?: string;
}

declare module '../context' {
  interface GatewayContext {
    /** Set by useAuthentication once the bearer token is verified; absent when auth is off. */
    principal?: Principal;
  }
}

const CLAIMS = z.object({
  sub: z.string().min(1).max(256),
  channel: z.string().min(1).max(64).optional(),
  // A single role as a string is a common issuer shortcut; accept it as a one-element list.
  roles: z.union([z.array(z.string().min(1).max(64)).max(32), z.string().min(1).max(64).transform((r) => [r])]).default([]),
  [CUSTOMER_CLAIM]: z.string().regex(CUSTOMER_ID_PATTERN).optional(),
});

/** The token's claims do not describe a principal (no `sub`, `roles` not strings...). */
export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
}

/** Claims of a verified token -> Principal; throws InvalidClaimsError on a malformed claim set. */
export function principalFromClaims(claims: unknown): Principal {
  const parsed = CLAIMS.safeParse(claims);
  if (!parsed.success) {
    throw new InvalidClaimsError(`token claims are invalid: ${parsed.error.issues.map((i) => i.path.join('.') || 'claims').join(', ')}`);
  }
  const { sub, channel, roles, [CUSTOMER_CLAIM]: customerId } = parsed.data;
  return { subject: sub, ...(channel ? { channel } : {}), roles: [...new Set(roles)], ...(customerId ? { customerId } : {}) };
}

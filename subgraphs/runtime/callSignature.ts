import { createHash, createSecretKey, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { z } from 'zod/v4';
import type { CallerPrincipal } from '../../adapters/kit/requestContext';
import { loadOrCreateDevSecret } from '../../gateway/auth/devSecret';

/**
 * Subgraphs trust only the gateway. Every call to a subgraph carries, in `x-gateway-signature`,
 * a short-lived HS256 JWT that binds:
 * - who the call is for (`sub`, `roles`, `channel`: the principal the gateway verified),
 * - which subgraph it is for (`aud`: a call signed for cards is refused by identity),
 * - the exact request body (`bh`: SHA-256 of the bytes, so nothing can be swapped in),
 * - the request id (`rid`), a unique id (`jti`, refused if seen twice) and a 30 s expiry,
 * - how long the gateway waits for the answer (`wait`, ms from sending: relative, so a clock
 *   difference between hosts cannot shorten it), so the subgraph stops its legacy calls in time
 *   to answer with what it has.
 * A subgraph refuses anything else with 401 before it parses the body (serveSubgraph.ts).
 *
 * Keys: `SUBGRAPH_SIGNING_KEY` (>= 32 bytes, shared by the gateway and the subgraphs);
 * `SUBGRAPH_SIGNING_KEY_PREVIOUS` is still accepted while a new key rolls out. Production
 * refuses to start without a key; development creates one once in data/ (like the dev token
 * secret), so every process of `npm start` on this checkout agrees. docs/security.md (section 11) has
 * the details.
 */
export const SIGNATURE_HEADER = 'x-gateway-signature';
export const SIGNING_KEY_ENV = 'SUBGRAPH_SIGNING_KEY';
export const PREVIOUS_SIGNING_KEY_ENV = 'SUBGRAPH_SIGNING_KEY_PREVIOUS';
/** Where development keeps its generated key (data/ is gitignored). */
export const DEV_SUBGRAPH_KEY_PATH = join(__dirname, '..', '..', 'data', 'dev-subgraph-signing-key');
/** Lifetime of one signature: a call is signed right before it is sent. */
export const SIGNATURE_TTL_S = 30;
/** Clock difference tolerated between the gateway's and a subgraph's host. */
export const CLOCK_TOLERANCE_S = 5;
const MIN_KEY_BYTES = 32;
const ISSUER = 'unified-view-gateway';

export class SubgraphKeyConfigError extends Error {
  override readonly name = 'SubgraphKeyConfigError';
}

export interface SigningKey {
  /** Names the key in the JWT header, so a verifier holding two keys picks the right one. */
  kid: string;
  secret: Uint8Array;
}

export interface SubgraphKeys {
  /** Signs, and verifies. */
  current: SigningKey;
  /** Verifies only (the key being retired). */
  previous?: SigningKey;
}

function signingKey(text: string, name: string): SigningKey {
  const secret = new TextEncoder().encode(text);
  if (secret.length < MIN_KEY_BYTES) throw new SubgraphKeyConfigError(`${name} must be at least ${MIN_KEY_BYTES} bytes`);
  return { kid: createHash('sha256').update(secret).digest('base64url').slice(0, 12), secret };
}

/** Keys from the environment; throws SubgraphKeyConfigError in production without SUBGRAPH_SIGNING_KEY. */
export function subgraphKeysFromEnv(env: NodeJS.ProcessEnv, options: { production: boolean; devKeyPath?: string }): SubgraphKeys {
  const text = env[SIGNING_KEY_ENV]?.trim();
  const previousText = env[PREVIOUS_SIGNING_KEY_ENV]?.trim();
  const previous = previousText ? signingKey(previousText, PREVIOUS_SIGNING_KEY_ENV) : undefined;
  if (text) return { current: signingKey(text, SIGNING_KEY_ENV), ...(previous ? { previous } : {}) };
  if (options.production) {
    throw new SubgraphKeyConfigError(`NODE_ENV=production needs ${SIGNING_KEY_ENV} (>= ${MIN_KEY_BYTES} bytes, the same for the gateway and every subgraph)`);
  }
  return { current: signingKey(loadOrCreateDevSecret(options.devKeyPath ?? DEV_SUBGRAPH_KEY_PATH), 'the development subgraph key') };
}

let processKeys: SubgraphKeys | undefined;
/** This process's keys from process.env, read once (the gateway, the subgraphs and the bench share them). */
export function defaultSubgraphKeys(): SubgraphKeys {
  processKeys ??= subgraphKeysFromEnv(process.env, { production: process.env.NODE_ENV === 'production' });
  return processKeys;
}

export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** One call to sign: the subgraph it goes to, the exact body, and on whose behalf. */
export interface CallToSign {
  audience: string;
  body: string | Uint8Array;
  /** Absent for the gateway's own calls (readiness probes) and when authentication is off (development). */
  principal?: CallerPrincipal;
  requestId?: string;
  /** How long the caller waits for the answer, from now, in ms. */
  waitMs?: number;
}

export type CallSigner = (call: CallToSign) => Promise<string>;

export function createCallSigner(keys: SubgraphKeys = defaultSubgraphKeys()): CallSigner {
  const { kid } = keys.current;
  // A KeyObject built once: given bytes, jose builds one on every call (a fifth of a signature's cost).
  const secret = createSecretKey(keys.current.secret);
  return async ({ audience, body, ...call }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ bh: bodyHash(body), ...callClaims(call) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + SIGNATURE_TTL_S)
      .setJti(randomUUID())
      .sign(secret);
  };
}

/** What a call says about itself, as claims (the signed part besides body, audience, id and times). */
function callClaims({ principal, requestId, waitMs }: Omit<CallToSign, 'audience' | 'body'>): Record<string, unknown> {
  return {
    ...(principal ? { sub: principal.subject, roles: principal.roles, ...(principal.channel ? { channel: principal.channel } : {}) } : {}),
    ...(requestId ? { rid: requestId } : {}),
    ...(waitMs ? { wait: Math.round(waitMs) } : {}),
  };
}

export type SignatureFailure = 'missing' | 'malformed' | 'invalid-signature' | 'expired' | 'too-long-lived' | 'wrong-audience' | 'body-mismatch' | 'replayed';

/** A call a subgraph must refuse (401). `reason` is for logs and development answers. */
export class CallSignatureError extends Error {
  override readonly name = 'CallSignatureError';
  constructor(readonly reason: SignatureFailure) {
    super(`subgraph call refused: ${reason}`);
  }
}

export interface VerifiedCall {
  principal?: CallerPrincipal;
  requestId?: string;
  /** How long the gateway waits for the answer, from when it sent the call (ms). */
  waitMs?: number;
}

const CALL_CLAIMS = z.object({
  sub: z.string().min(1).max(256).optional(),
  roles: z.array(z.string().min(1).max(64)).max(32).optional(),
  channel: z.string().min(1).max(64).optional(),
  rid: z.string().regex(/^[A-Za-z0-9._:@/+=-]{1,128}$/).optional(),
  wait: z.number().int().positive().max(600_000).optional(),
});
const CLAIMS = CALL_CLAIMS.extend({ bh: z.string().length(43), jti: z.string().min(1).max(64) });

/** What the subgraph serves the call with, from claims that passed CALL_CLAIMS. */
function verifiedCallOf({ sub, roles, channel, rid, wait }: z.infer<typeof CALL_CLAIMS>): VerifiedCall {
  return {
    ...(sub ? { principal: { subject: sub, roles: roles ?? [], ...(channel ? { channel } : {}) } } : {}),
    ...(rid ? { requestId: rid } : {}),
    ...(wait ? { waitMs: wait } : {}),
  };
}

/**
 * A call from the gateway in this same process (inProcessCall.ts): no signature, since no network
 * is crossed, but the same claims and the same rules as a signed call, so a subgraph serves it
 * exactly as it would serve the signed one, and refuses (`malformed`) what it would refuse.
 */
export function acceptInProcessCall(call: Omit<CallToSign, 'audience' | 'body'>): VerifiedCall {
  const claims = CALL_CLAIMS.safeParse(callClaims(call));
  if (!claims.success) throw new CallSignatureError('malformed');
  return verifiedCallOf(claims.data);
}

export type CallVerifier = (token: string | undefined, body: Uint8Array, audience: string) => Promise<VerifiedCall>;

/**
 * Verifies a call for the subgraph named `audience`. Each signature is accepted once: its id is
 * remembered until it expires (in this process: behind a load balancer a copy sent to another
 * replica within the 30 s is not caught; the body binding still keeps it to the same request).
 */
export function createCallVerifier(keys: SubgraphKeys = defaultSubgraphKeys()): CallVerifier {
  // KeyObjects built once (as in createCallSigner).
  const byKid = new Map([keys.current, ...(keys.previous ? [keys.previous] : [])].map((k) => [k.kid, createSecretKey(k.secret)]));
  const seen = new LRUCache<string, true>({ max: 200_000, ttl: (SIGNATURE_TTL_S + CLOCK_TOLERANCE_S) * 1000 });
  return async (token, body, audience) => {
    if (!token) throw new CallSignatureError('missing');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          const secret = header.kid ? byKid.get(header.kid) : undefined;
          if (!secret) throw new CallSignatureError('invalid-signature');
          return secret;
        },
        {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience,
          clockTolerance: CLOCK_TOLERANCE_S,
          maxTokenAge: SIGNATURE_TTL_S + CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'iat', 'jti'],
        },
      ));
    } catch (error) {
      throw new CallSignatureError(failureOf(error));
    }
    // The gateway never signs for longer: a longer-lived signature was not made by it for one call.
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > SIGNATURE_TTL_S) throw new CallSignatureError('too-long-lived');
    const claims = CLAIMS.safeParse(payload);
    if (!claims.success) throw new CallSignatureError('malformed');
    const { bh, jti } = claims.data;
    if (bh !== bodyHash(body)) throw new CallSignatureError('body-mismatch');
    if (seen.has(jti)) throw new CallSignatureError('replayed');
    seen.set(jti, true);
    return verifiedCallOf(claims.data);
  };
}

function failureOf(error: unknown): SignatureFailure {
  if (error instanceof CallSignatureError) return error.reason;
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'aud' ? 'wrong-audience' : error.claim === 'iat' ? 'expired' : 'malformed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'invalid-signature';
  return 'malformed';
}

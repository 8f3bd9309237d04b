import type { ServerResponse } from 'node:http';
import { sendJson } from '../httpServer';
import { AuthenticationError, bearerTokenOf, createTokenVerifier, type AuthenticationFailure, type AuthKeys, type TokenVerifier } from '../auth/tokenVerifier';
import type { GatewayPlugin } from './gatewayPlugin';
import '../auth/principal';

export interface AuthenticationOptions {
  /** Key material and claim checks (authKeysFromEnv reads them from AUTH_*). */
  keys: AuthKeys;
  /** Tests may inject a verifier; default createTokenVerifier(keys). */
  verifier?: TokenVerifier;
  /** Told about each refused request (the 401s are counted in metrics). */
  onRefused?(reason: AuthenticationFailure): void;
}

const REALM = 'unified-view';

/**
 * Every /graphql request needs `Authorization: Bearer <JWT>`; the verified claims become
 * `context.principal` (subject, channel, roles) for the plugins after this one. A missing,
 * expired, forged or malformed token ends the request with 401, a `WWW-Authenticate: Bearer`
 * challenge (RFC 6750) and a GraphQL-shaped UNAUTHENTICATED error. /health, /ready and the
 * other plugin routes are not /graphql and stay public.
 *
 * The principal reaches the subgraphs inside the gateway's signature on every subgraph call
 * (gateway/subgraphDataSource.ts), never as a plain header.
 *
 * CORS preflights are answered by useCors before this runs (browsers send no token on them).
 */
export function useAuthentication(options: AuthenticationOptions): GatewayPlugin {
  const verify = options.verifier ?? createTokenVerifier(options.keys);
  return {
    name: 'authentication',
    async onGraphQLHttpRequest({ req, res, context }) {
      try {
        const token = bearerTokenOf(req.headers.authorization);
        if (!token) throw new AuthenticationError('missing', 'Authentication required: send "Authorization: Bearer <token>"');
        context.principal = await verify(token);
        // Subject and roles are staff identities, not customer data: useful in every log line.
        context.log = context.log.child({ sub: context.principal.subject, roles: context.principal.roles });
        return undefined;
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        context.log.info({ reason: error.reason }, 'request not authenticated');
        options.onRefused?.(error.reason);
        sendUnauthenticated(res, error);
        return true;
      }
    },
  };
}

function sendUnauthenticated(res: ServerResponse, error: AuthenticationError): void {
  const challenge =
    error.reason === 'missing'
      ? `Bearer realm="${REALM}"`
      : `Bearer realm="${REALM}", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
  res.setHeader('www-authenticate', challenge);
  sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', reason: error.reason } }] });
}

/**
 * Stands in for useAuthentication when no key material is configured (development only:
 * production refuses to start). Says so loudly once, so nobody mistakes an open gateway for a
 * protected one.
 */
export function useAuthenticationOff(): GatewayPlugin {
  return {
    name: 'authenticationOff',
    apollo: {
      async serverWillStart({ logger }) {
        logger.warn('authentication is OFF (development, no AUTH_HS256_SECRET / AUTH_JWKS_PATH / AUTH_JWKS_URL): every caller reads every field');
      },
    },
  };
}

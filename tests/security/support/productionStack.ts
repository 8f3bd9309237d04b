import { SOURCE_SYSTEMS, type SourceSystem } from '../../../adapters/canonical';
import type { Dataset } from '../../../simulators/dataset/loadDataset';
import type { RunningStack, StackOptions } from '../../../stack/startStack';
import { TEST_AUTH_SECRET, testSecurityOptions, tokenFor } from '../../support/testAuth';
import { startTestStack } from '../../support/testStack';

/**
 * The product as an attacker meets it: NODE_ENV=production behaviour (no introspection, no
 * stack traces, the audit trail required), real HS256 keys, and the issuer and audience that
 * production requires. Security tests mint their tokens with securityToken().
 */
export const SECURITY_ISSUER = 'https://idp.security-tests.example';
export const SECURITY_AUDIENCE = 'unified-view';
export const SECURITY_SYSTEMS: readonly SourceSystem[] = SOURCE_SYSTEMS;

export function startProductionStack(dataset: Dataset, overrides: Partial<StackOptions> = {}): Promise<RunningStack> {
  return startTestStack(dataset, {
    production: true,
    security: testSecurityOptions({ auth: { hs256Secret: TEST_AUTH_SECRET, issuer: SECURITY_ISSUER, audience: SECURITY_AUDIENCE } }),
    ...overrides,
  });
}

export interface TokenOptions {
  subject?: string;
  customerId?: string;
  ttl?: string | number;
  issuer?: string;
  audience?: string;
  claims?: Record<string, unknown>;
}

/** A token production accepts (right issuer and audience), unless the options say otherwise. */
export function securityToken(role: string | readonly string[], options: TokenOptions = {}): Promise<string> {
  return tokenFor(role, { ttl: '10m', ...options, issuer: options.issuer ?? SECURITY_ISSUER, audience: options.audience ?? SECURITY_AUDIENCE });
}

/** Calls each legacy simulator has served so far, read from its operator API (`GET /__admin/stats`); 0 for a file drop. */
export async function legacyCalls(stack: RunningStack): Promise<Record<SourceSystem, number>> {
  const totals = await Promise.all(
    SECURITY_SYSTEMS.map(async (system) => {
      // A file-drop system (a `file:` URL) is never called: its adapter reads the files it ingested.
      if (!stack.simulators[system].url.startsWith('http')) return [system, 0] as const;
      const response = await fetch(`${stack.simulators[system].url}/__admin/stats`);
      return [system, ((await response.json()) as { total: number }).total] as const;
    }),
  );
  return Object.fromEntries(totals) as Record<SourceSystem, number>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  // The rows assert on shapes of their own; a loose type keeps them readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** POSTs any body (an object, an array for batching, or a string) as JSON to the gateway. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

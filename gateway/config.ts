import { resolve } from 'node:path';
import { corsOriginsFromEnv } from './plugins/useCors';

/** Gateway settings that come from the environment (12-factor; defaults keep `npm start` zero-config). */
export interface GatewayEnvConfig {
  port: number;
  host: string;
  supergraphPath: string;
  production: boolean;
  logLevel: string;
  /** Browser origins allowed by CORS (CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
}

export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}

export const DEFAULT_PORT = 4000;
export const DEFAULT_SUPERGRAPH_PATH = 'schema/supergraph.graphql';

/** Reads PORT, HOST, SUPERGRAPH_PATH, NODE_ENV, LOG_LEVEL and CORS_ORIGINS; throws GatewayConfigError on a bad value. */
export function loadGatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): GatewayEnvConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    supergraphPath: resolve(cwd, env.SUPERGRAPH_PATH?.trim() || DEFAULT_SUPERGRAPH_PATH),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    corsOrigins: corsOriginsFromEnv(env.CORS_ORIGINS),
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GatewayConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

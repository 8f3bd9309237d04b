import type { GatewayPlugin } from './gatewayPlugin';
import { useCors } from './useCors';
import { useDiscrepancyCsv } from './useDiscrepancyCsv';
import { useRequestId } from './useRequestId';
import { useRequestLogging } from './useRequestLogging';

export type { GatewayPlugin, GatewayRoute, GraphQLHttpRequestArgs, SubgraphRequestOptions } from './gatewayPlugin';
export { useRequestId, REQUEST_ID_HEADER } from './useRequestId';
export { useRequestLogging } from './useRequestLogging';
export { useCors, corsOriginsFromEnv } from './useCors';

export interface DefaultPluginOptions {
  /** Browser origins allowed by CORS; none means no CORS headers (server-to-server only). */
  corsOrigins?: readonly string[];
}

/**
 * The gateway's cross-cutting features, in the order they run. This list is the one place
 * to read what the gateway does to a request; add a feature by adding its file and a line.
 * useRequestId comes first so every later plugin logs with the request id; CORS next so a
 * preflight is answered before anything else looks at the request.
 */
export function defaultGatewayPlugins(options: DefaultPluginOptions = {}): GatewayPlugin[] {
  return [
    useRequestId(),
    ...(options.corsOrigins?.length ? [useCors({ origins: options.corsOrigins })] : []),
    useRequestLogging(),
    useDiscrepancyCsv(),
  ];
}

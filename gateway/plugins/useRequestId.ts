import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from './gatewayPlugin';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is echoed into headers and logs, so it must be short and inert.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's `x-request-id` if it is a sane token, a fresh UUID otherwise. */
export function acceptOrCreateRequestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * One id per client request: accepted from `x-request-id` or generated, returned in the
 * response header, bound to the request logger and forwarded to every subgraph call, so a
 * single request can be followed across gateway, subgraph and adapter logs.
 */
export function useRequestId(): GatewayPlugin {
  return {
    name: 'requestId',
    onGraphQLHttpRequest({ req, res, context }) {
      const requestId = acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]);
      context.requestId = requestId;
      context.log = context.log.child({ requestId });
      res.setHeader(REQUEST_ID_HEADER, requestId);
    },
    willSendSubgraphRequest({ request, context }) {
      if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    },
  };
}

import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { sendJson } from '../httpServer';
import type { GatewayPlugin } from './gatewayPlugin';

export interface RequestDeadlineOptions {
  /** The longest a client waits for an answer. */
  deadlineMs: number;
  /**
   * How long before the deadline the gateway stops starting subgraph requests, so the steps
   * already done can still be answered as partial data. Default min(1000, deadlineMs / 5).
   */
  graceMs?: number;
}

declare module '../context' {
  interface GatewayContext {
    /** Epoch ms after which no new subgraph request starts for this client request (set by useRequestDeadline). */
    subgraphCutoffAt?: number;
  }
}

export const DEADLINE_EXCEEDED = 'DEADLINE_EXCEEDED';

/**
 * A client request never hangs:
 * - from `deadlineMs - graceMs` on, no new subgraph request starts; those fields fail with
 *   DEADLINE_EXCEEDED and the response carries whatever was already fetched;
 * - at `deadlineMs`, if nothing has been sent yet (a subgraph still holds its socket), the
 *   client gets 504 with a DEADLINE_EXCEEDED error and the late result is discarded.
 * Per-subgraph bounds (createGateway's subgraphTimeoutMs) keep the abandoned work short.
 */
export function useRequestDeadline(options: RequestDeadlineOptions): GatewayPlugin {
  const { deadlineMs } = options;
  if (!Number.isFinite(deadlineMs) || deadlineMs <= 0) throw new Error('request deadline must be a positive number of ms');
  const graceMs = Math.min(options.graceMs ?? Math.min(1000, deadlineMs / 5), deadlineMs);
  return {
    name: 'requestDeadline',
    onGraphQLHttpRequest({ res, context }) {
      context.subgraphCutoffAt = Date.now() + deadlineMs - graceMs;
      const timer = setTimeout(() => {
        if (res.headersSent || res.writableEnded) return;
        context.log.warn({ deadlineMs }, 'request deadline exceeded; answered without waiting further');
        sendJson(res, 504, {
          errors: [{ message: `The request did not complete within ${deadlineMs} ms`, extensions: { code: DEADLINE_EXCEEDED } }],
        });
        discardLateWrites(res);
      }, deadlineMs);
      timer.unref();
      res.once('close', () => clearTimeout(timer));
      res.once('finish', () => clearTimeout(timer));
    },
    willSendSubgraphRequest({ context }) {
      if (context.subgraphCutoffAt !== undefined && Date.now() >= context.subgraphCutoffAt) {
        throw new GraphQLError('The request deadline left no time for this part of the answer', {
          extensions: { code: DEADLINE_EXCEEDED },
        });
      }
    },
  };
}

/**
 * The HTTP handler still holds this response and will write Apollo's late result to it; the
 * client already has its answer, so those writes become no-ops instead of errors.
 */
function discardLateWrites(res: ServerResponse): void {
  const late = res as unknown as Record<'setHeader' | 'write' | 'end' | 'writeHead', unknown>;
  late.setHeader = () => res;
  late.writeHead = () => res;
  late.write = () => true;
  late.end = () => res;
}

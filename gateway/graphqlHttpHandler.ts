import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from './context';
import type { GatewayPlugin } from './plugins/gatewayPlugin';
import { InvalidJsonBodyError, PayloadTooLargeError, readGraphQLBody } from './requestBody';
import { sendJson } from './httpServer';

export interface GraphQLHttpHandlerOptions {
  server: ApolloServer<GatewayContext>;
  plugins: readonly GatewayPlugin[];
  log: Logger;
  production: boolean;
  maxBodyBytes: number;
}

/**
 * Bridges a node:http request to Apollo Server's executeHTTPGraphQLRequest (Apollo Server 5
 * ships no framework integration; this is the part its standalone server does, plus our
 * plugins' HTTP hooks and a body size limit).
 */
export function createGraphQLHttpHandler(options: GraphQLHttpHandlerOptions) {
  const { server, plugins, log, production, maxBodyBytes } = options;
  const httpHooks = plugins.filter((p) => p.onGraphQLHttpRequest);

  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const context: GatewayContext = { log, production };
    for (const plugin of httpHooks) {
      if ((await plugin.onGraphQLHttpRequest?.({ req, res, context })) === true || res.writableEnded) return;
    }

    let body: unknown;
    try {
      body = await readGraphQLBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        res.setHeader('connection', 'close');
        sendJson(res, 413, graphqlError(error.message, 'PAYLOAD_TOO_LARGE'));
        return;
      }
      if (error instanceof InvalidJsonBodyError) {
        sendJson(res, 400, graphqlError(error.message, 'BAD_REQUEST'));
        return;
      }
      // The client went away, or the server's request timeout (a trickling body) took its socket.
      if (req.destroyed || res.destroyed) {
        context.log.info({ reason: (error as NodeJS.ErrnoException).code ?? (error as Error).name }, 'request body not received');
        return;
      }
      throw error;
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://gateway');
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => context,
    });

    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Apollo returned the whole answer: nothing of this request runs any more (an incremental
      // answer, below, is still being computed while it streams).
      context.executionOver = true;
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

function graphqlError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

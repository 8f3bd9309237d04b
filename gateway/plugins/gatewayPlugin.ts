import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { DocumentNode, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import type { GatewayContext } from '../context';

/** An extra HTTP endpoint served beside /graphql, /health and /ready (e.g. GET /metrics). */
export interface GatewayRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** A request the gateway is about to send to a subgraph on behalf of a client operation. */
export type SubgraphRequestOptions = Extract<
  GraphQLDataSourceProcessOptions<GatewayContext>,
  { incomingRequestContext: unknown }
>;

/** A subgraph fetch made for a client operation has finished (answered, failed or timed out). */
export interface SubgraphResponseEvent {
  /** The subgraph name as composed (`cards`). */
  subgraph: string;
  durationMs: number;
  /** `error`: no usable answer (transport failure, timeout, non-2xx) or an answer carrying GraphQL errors. */
  outcome: 'ok' | 'error';
  context: GatewayContext;
  /** The subgraph response's `extensions` (e.g. `stale`), which the stock gateway drops. */
  extensions?: Record<string, unknown>;
}

/**
 * One client operation as the gateway is about to plan and execute it (after parsing,
 * validation and every `didResolveOperation` hook). `willExecuteOperation` hooks may replace
 * `document`; whoever does must also change `queryHash`, because the gateway caches query plans
 * by it and a plan made for one document must never serve another.
 */
export interface OperationExecution {
  /** The document as Apollo resolved it (after every `didResolveOperation` rewrite), before any `willExecuteOperation` hook. */
  readonly resolvedDocument: DocumentNode;
  document: DocumentNode;
  queryHash: string;
  /** As the client sent it (already checked to name exactly one operation of the document). */
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  /** The API schema. */
  schema: GraphQLSchema;
  context: GatewayContext;
}

/** What the gateway's executor produced; `didExecuteOperation` hooks may edit `data` in place. */
export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLError[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLHttpRequestArgs {
  req: IncomingMessage;
  res: ServerResponse;
  context: GatewayContext;
}

/**
 * One cross-cutting gateway feature (request ids, auth, limits, audit, metrics...).
 *
 * A feature usually touches several layers at once (the HTTP request, the GraphQL
 * lifecycle, the calls to subgraphs); keeping its hooks on one object keeps the feature in
 * one file. Every hook is optional. Plugins run in list order (gateway/plugins/index.ts).
 */
export interface GatewayPlugin {
  readonly name: string;
  /** Extra HTTP routes. */
  readonly routes?: readonly GatewayRoute[];
  /**
   * Runs for each /graphql HTTP request before GraphQL execution: read headers, extend the
   * context, set response headers. Return `true` when the plugin has ended the response itself
   * (a CORS preflight, a rejected token); later plugins and GraphQL execution are then skipped.
   */
  onGraphQLHttpRequest?(args: GraphQLHttpRequestArgs): void | boolean | Promise<void | boolean>;
  /** The GraphQL lifecycle (parse, validate, execute, response), as an Apollo Server plugin. */
  readonly apollo?: ApolloServerPlugin<GatewayContext>;
  /** Extra validation rules (depth, cost, alias limits). */
  readonly validationRules?: readonly ValidationRule[];
  /**
   * Parser limits (graphql's `maxTokens`): the parser stops at the limit instead of building
   * the whole document first. The smallest limit any plugin asks for applies.
   */
  readonly parseOptions?: { readonly maxTokens?: number };
  /**
   * Runs just before the gateway plans and executes the operation, in plugin order, each hook
   * after the previous one has finished (unlike Apollo's own hooks, which run concurrently):
   * the place to rewrite the document the gateway plans.
   */
  willExecuteOperation?(execution: OperationExecution): void | Promise<void>;
  /**
   * Runs right after the gateway executed the operation, in plugin order, before any Apollo
   * `willSendResponse` hook sees the result. Throwing a GraphQLError replaces the whole response
   * with that error (its `extensions.http.status` applies).
   */
  didExecuteOperation?(execution: OperationExecution, result: OperationResult): void | Promise<void>;
  /**
   * Runs before each request the gateway sends to a subgraph for a client operation
   * (RemoteGraphQLDataSource.willSendRequest): add headers, propagate identity.
   */
  willSendSubgraphRequest?(options: SubgraphRequestOptions): void | Promise<void>;
  /** Runs after each such subgraph request finishes (metrics). Must not throw. */
  didReceiveSubgraphResponse?(event: SubgraphResponseEvent): void;
}

import type { ApolloGateway } from '@apollo/gateway';
import { getOperationAST } from 'graphql';
import type { GatewayContext } from './context';
import type { GatewayPlugin, OperationExecution, OperationResult } from './plugins/gatewayPlugin';

type GatewayExecutor = NonNullable<Awaited<ReturnType<ApolloGateway['load']>>['executor']>;
type GatewayRequestContext = Parameters<GatewayExecutor>[0];

/** What Apollo Server needs from a gateway (its GatewayInterface): load, schema updates, stop. */
export type ExecutingGateway = Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;

/**
 * The stock gateway with the plugins' `willExecuteOperation` / `didExecuteOperation` hooks
 * around its executor, each run in plugin order and awaited before the next. Apollo Server runs
 * its own request hooks concurrently (Promise.all), so a document rewrite that must see an earlier
 * rewrite (the audit trail's customer alias after the field policy's placeholders), or a check
 * that must see the executed data before anything is sent, lives here.
 */
export function withOperationHooks(gateway: ApolloGateway, plugins: readonly GatewayPlugin[]): ExecutingGateway {
  const before = plugins.filter((p) => p.willExecuteOperation);
  const after = plugins.filter((p) => p.didExecuteOperation);
  if (before.length === 0 && after.length === 0) return gateway;

  const wrap =
    (execute: GatewayExecutor): GatewayExecutor =>
    async (requestContext: GatewayRequestContext) => {
      const execution: OperationExecution = {
        resolvedDocument: requestContext.document,
        document: requestContext.document,
        queryHash: requestContext.queryHash,
        operationName: requestContext.request.operationName ?? null,
        variables: requestContext.request.variables,
        schema: requestContext.schema,
        context: requestContext.context as GatewayContext,
      };
      for (const plugin of before) await plugin.willExecuteOperation!(execution);
      let rewritten = requestContext;
      if (execution.document !== requestContext.document || execution.queryHash !== requestContext.queryHash) {
        const operation = getOperationAST(execution.document, execution.operationName);
        // A rewrite that loses the operation would let the planner guess: refuse instead.
        if (!operation) throw new Error('an operation hook rewrote the document without its operation');
        rewritten = { ...requestContext, document: execution.document, queryHash: execution.queryHash, operation };
      }
      const result = (await execute(rewritten)) as OperationResult;
      for (const plugin of after) await plugin.didExecuteOperation!(execution, result);
      return result as Awaited<ReturnType<GatewayExecutor>>;
    };

  return {
    async load(options) {
      const loaded = await gateway.load(options);
      return { ...loaded, executor: wrap(loaded.executor) };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}

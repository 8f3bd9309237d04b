import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { staleReports } from './requestScope';

/**
 * Adds `extensions.stale: [{ system, ageMs }]` to a response that served cached data past its
 * TTL because the system was failing, so clients (and the gateway) can tell "current" from
 * "last known". Needs the request to run inside `runInRequestScope`.
 */
export function staleExtensionPlugin<C extends BaseContext = BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') addStaleExtension(response.body.singleResult);
        },
      };
    },
  };
}

/**
 * What the plugin does to one answer, for answers made without Apollo Server's request pipeline
 * (subgraphs/runtime/knownOperations.ts): the current request scope's stale reports, if any.
 */
export function addStaleExtension(result: FormattedExecutionResult): void {
  const stale = staleReports();
  if (stale.length === 0) return;
  result.extensions = { ...result.extensions, stale };
}

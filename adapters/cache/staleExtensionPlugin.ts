import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
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
          const stale = staleReports();
          if (stale.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, stale };
        },
      };
    },
  };
}

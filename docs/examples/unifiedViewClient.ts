/**
 * An Apollo Client (4.x) set up for the Unified View graph, as docs/frontend.md recommends:
 * - the bearer token on every request (the gateway refuses requests without one);
 * - `errorPolicy: 'all'`: one legacy system down nulls only its own fields, and the rest of the
 *   customer still reaches the screen together with the errors that explain the gaps;
 * - the cache's type policies (typePolicies.ts): entities normalised by `id`, values merged;
 * - the stale link (staleLink.ts): `extensions.stale` reaches the application.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { createStaleLink, type StaleReport } from './staleLink';
import { unifiedViewTypePolicies } from './typePolicies';

// Apollo Client 4 types results by the default error policy: declaring `'all'` here makes every
// `data` typed as possibly partial (`DataState` "complete" | "streaming" | "partial" ...), so the
// compiler reminds each screen that a failed system leaves holes in the customer.
// (Apollo's declaration is a namespace, so its augmentation must be one too.)
declare module '@apollo/client' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace ApolloClient {
    // eslint-disable-next-line @typescript-eslint/no-namespace
    export namespace DeclareDefaultOptions {
      interface Query {
        errorPolicy: 'all';
      }
      interface WatchQuery {
        errorPolicy: 'all';
      }
      interface Mutate {
        errorPolicy: 'all';
      }
    }
  }
}

export interface UnifiedViewClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://unified-view.bank.example/graphql`. */
  uri: string;
  /** The signed-in user's bearer token (read on every request, so a refreshed token is used at once). */
  getToken: () => string | Promise<string>;
  /** Told about every response's stale markers (show "Cards data is 3 minutes old"). */
  onStale?: (report: StaleReport) => void;
  /** Another fetch (tests, React Native); default the global one. */
  fetch?: typeof fetch;
}

export function createUnifiedViewClient(options: UnifiedViewClientOptions): ApolloClient {
  const auth = new SetContextLink(async (previous) => ({
    headers: { ...previous.headers, authorization: `Bearer ${await options.getToken()}` },
  }));
  const stale = createStaleLink(options.onStale ?? (() => undefined));
  return new ApolloClient({
    link: ApolloLink.from([auth, stale, new HttpLink({ uri: options.uri, fetch: options.fetch })]),
    cache: new InMemoryCache({ typePolicies: unifiedViewTypePolicies }),
    defaultOptions: {
      query: { errorPolicy: 'all' },
      watchQuery: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'all' },
    },
  });
}

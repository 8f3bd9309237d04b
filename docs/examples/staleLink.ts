/**
 * A link that hands `extensions.stale` to the application. When a legacy system is down, the
 * gateway may answer from its cache and says so in the response's extensions:
 * `extensions.stale: [{ system: 'CARDS', ageMs: 42000 }]`. Apollo Client keeps extensions out of
 * query results, so a link is the place to read them (docs/frontend.md shows a banner fed by it).
 */
import { ApolloLink } from '@apollo/client';
import { map } from 'rxjs';

/** Cached data of `system`, `ageMs` old, was served because the system could not be read. */
export interface StaleMarker {
  system: string;
  ageMs: number;
}

export interface StaleReport {
  /** The operation the response answers (`Customer360`), as named in the document. */
  operationName: string | undefined;
  /** Empty when everything in the response is fresh. */
  stale: StaleMarker[];
}

/** Calls `onReport` for every response, with the stale markers it carried (none: an empty list). */
export function createStaleLink(onReport: (report: StaleReport) => void): ApolloLink {
  return new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      map((result) => {
        const raw = result.extensions?.stale;
        const stale = Array.isArray(raw) ? raw.filter(isStaleMarker) : [];
        onReport({ operationName: operation.operationName, stale });
        return result;
      }),
    ),
  );
}

function isStaleMarker(value: unknown): value is StaleMarker {
  const marker = value as StaleMarker | null;
  return typeof marker === 'object' && marker !== null && typeof marker.system === 'string' && typeof marker.ageMs === 'number';
}

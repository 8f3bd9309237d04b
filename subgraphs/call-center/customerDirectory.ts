import axios from 'axios';
import { z } from 'zod/v4';
import { currentPrincipal, currentRequestId, currentRequestSignal } from '../../adapters/kit/requestContext';
import { createCallSigner, SIGNATURE_HEADER, type CallSigner } from '../runtime/callSignature';

/**
 * Finds a customer's call-center contact ids for the one place that cannot get them through
 * @requires: a root mutation (`scheduleCallback` receives only a customer id). It asks the
 * identity subgraph's `_entities` for the crosswalk, and only for this system's keys.
 *
 * Identity answers signed calls only: this one is signed with the subgraph key on behalf of the
 * principal the gateway's call to us was for, and is cancelled with that call.
 */
export interface CustomerDirectory {
  /** The customer's contact ids; null when identity knows no such customer. */
  contactIdsOf(customerId: string): Promise<string[] | null>;
}

const QUERY = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { links { contactIds } } } }';

const answerSchema = z.object({
  data: z.object({ _entities: z.array(z.object({ links: z.object({ contactIds: z.array(z.string()) }) }).nullable()) }),
});

export function identityDirectory(identityUrl: string, options: { timeoutMs?: number; sign?: CallSigner } = {}): CustomerDirectory {
  const sign = options.sign ?? createCallSigner();
  return {
    async contactIdsOf(customerId) {
      const body = JSON.stringify({ query: QUERY, variables: { r: [{ __typename: 'Customer', id: customerId }] } });
      const signature = await sign({ audience: 'identity', body, principal: currentPrincipal(), requestId: currentRequestId() });
      const response = await axios.post(identityUrl, body, {
        timeout: options.timeoutMs ?? 2000,
        signal: currentRequestSignal(),
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      });
      const entity = answerSchema.parse(response.data).data._entities[0];
      return entity ? entity.links.contactIds : null;
    },
  };
}

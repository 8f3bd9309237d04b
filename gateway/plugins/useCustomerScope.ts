import { GraphQLError } from 'graphql';
import { customerIdsNamedIn } from '../audit/namedCustomerIds';
import { sendJson } from '../httpServer';
import { customerListFields } from '../auth/customerScope';
import { FIELD_POLICY, isCustomerBound, type FieldPolicy } from '../auth/fieldPolicy';
import { FORBIDDEN } from '../auth/forbiddenFieldNulling';
import type { Principal } from '../auth/principal';
import { accessOf, type RequestAccess } from '../requestAccess';
import type { GatewayPlugin } from './gatewayPlugin';
import { asBadRequest } from './useOperationResolution';

export interface CustomerScopeOptions {
  /** Default FIELD_POLICY (its `customerBoundRoles`). */
  policy?: FieldPolicy;
  /** The customer type and how its id is named in the policy's terms. Default `Customer`. */
  customerType?: string;
}

/**
 * Self-service: a principal bound to one customer (a customer-bound role such as mobile-app, or
 * any token carrying a `customer_id` claim) sees that customer and nobody else, on every entry
 * point:
 * - a bound role whose token names no customer is refused every request (403);
 * - before anything runs: an operation naming another customer id in its arguments
 *   (`customer(id:)`, `scheduleCallback(input: { customerId })`, ...) or reaching customers
 *   through a list (`customers`, `searchCustomers`, a report) is refused with 403 FORBIDDEN;
 * - after execution, as defence in depth: if the answer resolved any other customer (a reverse
 *   lookup of someone else's card), the whole answer is replaced by 403 FORBIDDEN.
 * Each refusal is recorded as DENIED in the audit trail. Runs after useAuthentication and, for
 * the second check, after useResolvedCustomers.
 */
export function useCustomerScope(options: CustomerScopeOptions = {}): GatewayPlugin {
  const policy = options.policy ?? FIELD_POLICY;
  const customerType = options.customerType ?? 'Customer';
  const boundTo = (principal: Principal | undefined): string | null | undefined => {
    if (!principal) return undefined;
    if (principal.customerId) return principal.customerId;
    return isCustomerBound(principal.roles, policy) ? null : undefined;
  };

  return {
    name: 'customerScope',
    onGraphQLHttpRequest({ res, context }) {
      if (boundTo(context.principal) !== null) return undefined;
      context.log.info('customer-bound token without a customer id refused');
      sendJson(res, 403, {
        errors: [{ message: `Tokens for ${policy.customerBoundRoles.join(', ')} must name their customer (customer_id claim)`, extensions: { code: FORBIDDEN } }],
      });
      return true;
    },
    apollo: {
      async requestDidStart() {
        return {
          async didResolveOperation({ contextValue, document, request, schema }) {
            const own = boundTo(contextValue.principal);
            if (!own) return;
            const access = accessOf(contextValue);
            const clientDocument = access.clientDocument ?? document;
            let named: string[];
            let lists: string[];
            try {
              named = customerIdsNamedIn(clientDocument, request.operationName, request.variables);
              lists = customerListFields(schema, clientDocument, request.operationName, customerType);
            } catch (error) {
              throw asBadRequest(error);
            }
            const others = named.filter((id) => id !== own);
            if (others.length > 0) throw refuse(access, 'OTHER_CUSTOMER', others, 'This token may only read and act for its own customer');
            if (lists.length > 0) throw refuse(access, 'CUSTOMER_LIST', [], `This token may only read its own customer, not ${lists[0]}`);
          },
        };
      },
    },
    didExecuteOperation({ context }) {
      const own = boundTo(context.principal);
      if (!own) return;
      const access = accessOf(context);
      // Fail closed: without the resolved customers (useResolvedCustomers missing) nothing can be checked.
      if (access.resolvedCustomerIds === undefined) throw new GraphQLError('Customer scope cannot be checked', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      const others = access.resolvedCustomerIds.filter((id) => id !== own);
      if (others.length > 0) throw refuse(access, 'OTHER_CUSTOMER', others, 'This token may only read and act for its own customer');
    },
  };
}

function refuse(access: RequestAccess, reason: 'OTHER_CUSTOMER' | 'CUSTOMER_LIST', customerIds: string[], message: string): GraphQLError {
  access.refusal = { reason, customerIds };
  return new GraphQLError(message, { extensions: { code: FORBIDDEN, http: { status: 403 } } });
}

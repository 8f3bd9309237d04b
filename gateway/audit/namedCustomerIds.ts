import { Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { resolveOperation } from '../operationResolution';
import { addCustomerIdStrings } from './customerIdsTouched';

/**
 * Every customer id the operation names in its arguments, inline or through variables, at any
 * depth of an input object (`customer(id:)`, `auditTrail(customerId:)`,
 * `scheduleCallback(input: { customerId })`), in first-seen order. Only the operation that runs
 * is read (with the fragments it spreads): an unused variable or another operation of the
 * document names nobody. These are the customers a request asks about even when nothing comes
 * back (a lookup that finds nothing is still an access attempt), and the ones a customer-bound
 * token is checked against before anything runs.
 */
export function customerIdsNamedIn(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string[] {
  const operation = resolveOperation(document, operationName);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found = new Set<string>();
  const spread = new Set<string>();
  const pending: SelectionSetNode[] = [operation.selectionSet];
  while (pending.length) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !spread.has(fragment.name.value)) {
          spread.add(fragment.name.value);
          pending.push(fragment.selectionSet);
        }
        continue;
      }
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) addCustomerIdStrings(valueFromASTUntyped(argument.value, variables), found);
      }
      if (selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return [...found];
}

import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { resolveOperation } from '../operationResolution';

/**
 * The fields of an operation through which it can reach several customers: a field returning
 * the customer type (or an abstract type a customer may be) with a list anywhere on its path
 * from the root (`customers(first:)`, `searchCustomers`, a report's rows, a mutation payload's
 * `customers`). A customer-bound token (mobile-app) is refused these before anything runs: none
 * of them names the one customer it may see. Returns the root field coordinates (`Query.customers`),
 * once each. Fragments are followed; aliases and variables do not matter.
 */
export function customerListFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, customerType = 'Customer'): string[] {
  const operation = resolveOperation(document, operationName);
  const customer = schema.getType(customerType);
  const root = schema.getRootType(operation.operation);
  if (!customer || !root) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const isCustomer = (type: GraphQLNamedType) =>
    type === customer || (isAbstractType(type) && isObjectType(customer) && schema.isSubType(type, customer));
  const found = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, rootField: string | undefined, underList: boolean, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(selection.selectionSet, condition, rootField, underList, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // Per path, not per document: the same fragment under a list and under a single field differ.
        if (!fragment || seen.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, rootField, underList, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const coordinate = rootField ?? `${parent.name}.${field.name}`;
      const listHere = underList || isListType(getNullableType(field.type));
      const named = getNamedType(field.type);
      if (listHere && isCustomer(named)) found.add(coordinate);
      if (selection.selectionSet && isCompositeType(named)) walk(selection.selectionSet, named, coordinate, listHere, seen);
    }
  };
  walk(operation.selectionSet, root, undefined, false, new Set());
  return [...found];
}

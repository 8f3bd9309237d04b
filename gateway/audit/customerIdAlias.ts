import {
  isAbstractType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The response key the gateway adds to every selection of a customer. Reserved: a client
 * document that uses it as an alias or a field name is refused (usesReservedAlias), so every
 * occurrence in the executed result is one the gateway put there.
 */
export const CUSTOMER_ID_ALIAS = '_uvAuditCustomerId';

/** The entity whose every appearance in a response the audit trail records, and its id field. */
export interface AuditedEntity {
  typeName: string;
  idField: string;
}

export const AUDITED_CUSTOMER: AuditedEntity = { typeName: 'Customer', idField: 'id' };

/**
 * The document with `_uvAuditCustomerId: id` added to every selection set of the audited type
 * (fields returning it, fragments and inline fragments on it, at any depth), and
 * `... on Customer { _uvAuditCustomerId: id }` to every selection set of an abstract type that
 * may be one. Whatever the client selected (aliases, no `id` at all, `cid: id`, lists, search,
 * reverse lookup, fragments, mutation payloads), each customer object in the executed result
 * then carries its global id under one reserved key. The original document is not modified.
 */
export function withCustomerIdAlias(document: DocumentNode, schema: GraphQLSchema, entity: AuditedEntity = AUDITED_CUSTOMER): DocumentNode {
  const audited = schema.getType(entity.typeName);
  if (!audited || !isObjectType(audited)) return document;
  const idField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: CUSTOMER_ID_ALIAS },
    name: { kind: Kind.NAME, value: entity.idField },
  };
  const onAudited: InlineFragmentNode = {
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: entity.typeName } },
    selectionSet: { kind: Kind.SELECTION_SET, selections: [idField] },
  };
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node: SelectionSetNode) {
          const parent = typeInfo.getParentType();
          if (parent === audited) return { ...node, selections: [...node.selections, idField] };
          if (parent && isAbstractType(parent) && schema.isSubType(parent, audited)) return { ...node, selections: [...node.selections, onAudited] };
          return undefined;
        },
      },
    }),
  );
}

/** Whether the client's document uses the reserved response key (as an alias or a field name). */
export function usesReservedAlias(document: DocumentNode): boolean {
  let used = false;
  visit(document, {
    Field(node) {
      if (node.alias?.value === CUSTOMER_ID_ALIAS || node.name.value === CUSTOMER_ID_ALIAS) used = true;
    },
  });
  return used;
}

/**
 * Removes every reserved key from the executed result, in place, and returns the ids it held
 * (first-seen order, once each). After this the data is exactly what the client's document asked for.
 */
export function takeCustomerIds(data: unknown): string[] {
  const found = new Set<string>();
  // An explicit stack: a deep response must not blow the call stack.
  const stack: unknown[] = [data];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push(node[i]);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(record, CUSTOMER_ID_ALIAS)) {
        const id = record[CUSTOMER_ID_ALIAS];
        if (typeof id === 'string') found.add(id);
        delete record[CUSTOMER_ID_ALIAS];
      }
      // Children pushed in order, then that run of the stack reversed in place, so the first child
      // is visited first; no array per object (a customer list's answer has thousands of them).
      const first = stack.length;
      for (const key in record) {
        const child = record[key];
        if (child !== null && typeof child === 'object') stack.push(child);
      }
      for (let low = first, high = stack.length - 1; low < high; low += 1, high -= 1) {
        const swapped = stack[low];
        stack[low] = stack[high];
        stack[high] = swapped;
      }
    }
  }
  return [...found];
}

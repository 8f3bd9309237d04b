import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { allowedClasses, FIELD_POLICY, mayCallMutation, type FieldPolicy, type SensitivityClass } from './fieldPolicy';
import type { SensitiveFieldIndex } from './sensitiveFieldIndex';
import { resolveOperation } from '../operationResolution';

/** Why a field is refused: its sensitivity class, or `MUTATION` for a mutation the roles may not call. */
export type ForbiddenReason = SensitivityClass | 'MUTATION';

export interface AuthorizationDecision {
  /** The selections the caller may not read (by node identity: a fragment's field is refused wherever it is spread). */
  forbiddenNodes: Set<FieldNode>;
  /** `Type.field` -> reason, for every refused coordinate the operation selects. */
  forbiddenCoordinates: Map<string, ForbiddenReason>;
  /** Mutation fields the caller may not call (the whole operation is then refused). */
  deniedMutations: string[];
}

export interface AuthorizeOperationInput {
  /** The API schema the document was validated against. */
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  index: SensitiveFieldIndex;
  roles: readonly string[];
  policy?: FieldPolicy;
}

/**
 * Decides, before anything executes, which fields of the operation the roles may not read:
 * walks the selected operation and every fragment it spreads (each once; aliases do not
 * matter, the coordinate does) against the API schema. Independent of variables: a field
 * under `@include(if: $x)` is judged as if included. A field on an interface or union
 * member counts as sensitive when any possible type's field is.
 *
 * Fails closed: when the request does not name exactly one operation of the document, it throws
 * OperationNotResolvedError instead of deciding nothing (an empty `operationName` once made this
 * return "nothing refused" while the gateway ran the document's only operation).
 */
export function authorizeOperation(input: AuthorizeOperationInput): AuthorizationDecision {
  const { schema, document, index } = input;
  const policy = input.policy ?? FIELD_POLICY;
  const allowed = allowedClasses(input.roles, policy);
  const decision: AuthorizationDecision = { forbiddenNodes: new Set(), forbiddenCoordinates: new Map(), deniedMutations: [] };
  const operation = resolveOperation(document, input.operationName);

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const visitedFragments = new Set<string>();
  const mutationType = schema.getMutationType();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(selection.selectionSet, condition);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (condition && isCompositeType(condition)) walk(fragment.selectionSet, condition);
        continue;
      }
      const fieldName = selection.name.value;
      // Meta fields (__typename, __schema, __type) describe the schema, not customer data.
      if (fieldName.startsWith('__')) continue;

      if (mutationType && parent === mutationType && !mayCallMutation(fieldName, input.roles, policy)) {
        decision.deniedMutations.push(fieldName);
        refuse(selection, `${parent.name}.${fieldName}`, 'MUTATION');
        continue;
      }
      const refusedClass = sensitiveClassOf(parent, fieldName);
      if (refusedClass && !allowed.has(refusedClass.cls)) {
        refuse(selection, refusedClass.coordinate, refusedClass.cls);
        continue;
      }
      if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[fieldName];
      const type = field && getNamedType(field.type);
      if (type && isCompositeType(type)) walk(selection.selectionSet, type);
    }
  };

  const sensitiveClassOf = (parent: GraphQLCompositeType, fieldName: string) => {
    const candidates = isAbstractType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [parent];
    for (const type of candidates) {
      const coordinate = `${type.name}.${fieldName}`;
      const cls = index.get(coordinate);
      if (cls && !allowed.has(cls)) return { coordinate, cls };
    }
    return undefined;
  };

  const refuse = (node: FieldNode, coordinate: string, reason: ForbiddenReason) => {
    decision.forbiddenNodes.add(node);
    decision.forbiddenCoordinates.set(coordinate, reason);
  };

  const root = schema.getRootType(operation.operation);
  // A schema without this root type (a mutation against a query-only schema) cannot be judged.
  if (!root) throw new Error(`The schema has no ${operation.operation} type`);
  walk(operation.selectionSet, root);
  return decision;
}

/**
 * The document the gateway plans instead: every refused field becomes `<its response key>:
 * __typename` (keeping @skip/@include), so no subgraph is asked for it and every selection
 * set stays non-empty. The original nodes are not modified (Apollo caches parsed documents).
 */
export function withoutForbiddenFields(document: DocumentNode, forbidden: ReadonlySet<FieldNode>): DocumentNode {
  return visit(document, {
    Field(node) {
      if (!forbidden.has(node)) return undefined;
      const placeholder: FieldNode = {
        kind: Kind.FIELD,
        alias: { kind: Kind.NAME, value: (node.alias ?? node.name).value },
        name: { kind: Kind.NAME, value: '__typename' },
        directives: node.directives?.filter((d) => d.name.value === 'skip' || d.name.value === 'include'),
      };
      return placeholder;
    },
  });
}

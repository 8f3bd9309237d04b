import { buildSchema, execute, GraphQLError, printSchema, type DocumentNode, type FieldNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ForbiddenReason } from './operationAuthorization';

export const FORBIDDEN = 'FORBIDDEN';

export function forbiddenError(coordinate: string, reason: ForbiddenReason, options: { nodes?: readonly FieldNode[] } = {}): GraphQLError {
  const what = reason === 'MUTATION' ? `call ${coordinate}` : `read ${coordinate} (${reason})`;
  return new GraphQLError(`Not authorized to ${what}`, {
    nodes: options.nodes,
    extensions: { code: FORBIDDEN, field: coordinate, ...(reason === 'MUTATION' ? {} : { class: reason }) },
  });
}

export interface NullForbiddenInput {
  /** The API schema. */
  schema: GraphQLSchema;
  /** The document as the client sent it (before withoutForbiddenFields). */
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  /** The data the gateway produced for the rewritten document. */
  data: Record<string, unknown>;
  forbiddenNodes: ReadonlySet<FieldNode>;
  forbiddenCoordinates: ReadonlyMap<string, ForbiddenReason>;
}

/**
 * Puts the refused fields back into the response as `null` with a FORBIDDEN error at each
 * path, by re-executing the client's document over the data the gateway produced
 * (graphql-js reading each value by response key). graphql-js then does what the spec says
 * for a null in a non-null position: the null moves up to the nearest nullable parent, and
 * the error keeps the refused field's path. Every refused coordinate is named at least once
 * (without a path when no instance was reached, e.g. an empty list).
 */
export async function nullForbiddenFields(input: NullForbiddenInput): Promise<{ data: Record<string, unknown> | null; errors: GraphQLFormattedError[] }> {
  const { forbiddenNodes } = input;
  const reached = new Set<string>();
  const result = await execute({
    schema: resolverFreeCopy(input.schema),
    document: input.document,
    operationName: input.operationName ?? undefined,
    variableValues: input.variables,
    rootValue: input.data,
    fieldResolver: (source, _args, _context, info) => {
      if (info.fieldNodes.some((node) => forbiddenNodes.has(node))) {
        const coordinate = `${info.parentType.name}.${info.fieldName}`;
        reached.add(coordinate);
        throw forbiddenError(coordinate, input.forbiddenCoordinates.get(coordinate) ?? reasonForAbstract(input, info.fieldName));
      }
      return (source as Record<string, unknown> | null)?.[info.path.key as string];
    },
  });
  const errors: GraphQLFormattedError[] = (result.errors ?? []).map((e) => e.toJSON());
  for (const [coordinate, reason] of input.forbiddenCoordinates) {
    if (!reached.has(coordinate)) errors.push(forbiddenError(coordinate, reason).toJSON());
  }
  return { data: (result.data as Record<string, unknown> | null | undefined) ?? null, errors };
}

// The gateway's API schema carries resolvers of its own (they would read the placeholder
// values); a copy built from its printed SDL has none, so fieldResolver above applies to every
// field. Built once per schema (per supergraph load).
const resolverFree = new WeakMap<GraphQLSchema, GraphQLSchema>();
function resolverFreeCopy(schema: GraphQLSchema): GraphQLSchema {
  let copy = resolverFree.get(schema);
  if (!copy) {
    copy = buildSchema(printSchema(schema));
    resolverFree.set(schema, copy);
  }
  return copy;
}

// A field judged through an interface is recorded under the possible type whose field is
// sensitive; at run time graphql-js names the concrete parent. Any recorded reason for that
// field name will do for the message.
function reasonForAbstract(input: NullForbiddenInput, fieldName: string): ForbiddenReason {
  for (const [coordinate, reason] of input.forbiddenCoordinates) if (coordinate.endsWith(`.${fieldName}`)) return reason;
  return 'PII';
}

import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SYSTEM_REGISTRY } from '../../systems/registry';
import { FIELD_CLASSES, type FieldClass } from './auditEvent';

/** Field coordinate (`Customer.accounts`) -> the class of data it exposes. */
export type FieldClassIndex = ReadonlyMap<string, FieldClass>;

/**
 * The classes of the graph's sensitive fields, used until the gateway's field policy index
 * (built from the supergraph's `@sensitive` directive) is handed to the audit plugin instead.
 * Parent fields are classed as well as leaves: asking for `accounts { accountNumber }` is a
 * financial access even without a balance.
 */
export const STATIC_FIELD_CLASSES: FieldClassIndex = new Map<string, FieldClass>([
  ['Customer.profile', 'PII'],
  // Each system's party records are personal data; its other sensitive fields carry the class its
  // registry entry gives them (systems/registry.ts).
  ...SYSTEM_REGISTRY.flatMap((system): Array<[string, FieldClass]> => [
    [`Customer.${system.records.party}`, 'PII'],
    [`Customer.${system.records.all}`, 'PII'],
    ...Object.entries(system.sensitiveFields).map(([field, fieldClass]): [string, FieldClass] => [`Customer.${field}`, fieldClass]),
  ]),
  ...(['givenName', 'familyName', 'rawName', 'birthDate', 'nationalId', 'phones', 'emails', 'address'] as const).map(
    (field) => [`Party.${field}`, 'PII'] as [string, FieldClass],
  ),
  ...(['fullName', 'birthDate', 'nationalId', 'email', 'mobilePhone', 'address'] as const).map(
    (field) => [`GoldenProfile.${field}`, 'PII'] as [string, FieldClass],
  ),
  ['Account.balance', 'FINANCIAL'],
  ['Account.transactions', 'FINANCIAL'],
  ['Card.balance', 'FINANCIAL'],
  ['Card.creditLimit', 'FINANCIAL'],
  ['Card.transactions', 'FINANCIAL'],
  ['SalesOrder.netValue', 'FINANCIAL'],
  ['Query.auditTrail', 'AUDIT'],
  // The stewards' review queue and match explanations (schema/identity.graphql, AUDIT there too).
  ['Query.matchReviewQueue', 'AUDIT'],
  ['Query.explainMatch', 'AUDIT'],
  ['Customer.matchExplanations', 'AUDIT'],
]);

/**
 * The classes of data the mutations write, whatever index is in use: the `@sensitive` directive
 * classes what a field lets a caller read, and a mutation's payload may read nothing sensitive
 * (`scheduleCallback { userErrors { code } }`) while it still acts on a customer's personal data.
 * Booking a callback attaches an appointment (a contact arrangement: when the bank calls the
 * person) to a named customer: personal data, PII. Listed here so the audit trail records the
 * booking with its data class rather than as a plain access with none.
 */
export const MUTATION_FIELD_CLASSES: FieldClassIndex = new Map<string, FieldClass>([['Mutation.scheduleCallback', 'PII']]);

/**
 * The classes of every field the operation selects (through fragments too), in the fixed
 * order PII, FINANCIAL, AUDIT. Computed from the document, not the data: asking for a field
 * that came back null is still asking for it.
 */
export function fieldClassesTouched(document: DocumentNode, schema: GraphQLSchema, index: FieldClassIndex): FieldClass[] {
  const touched = new Set<FieldClass>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const coordinate = `${parent.name}.${node.name.value}`;
        const fieldClass = index.get(coordinate) ?? MUTATION_FIELD_CLASSES.get(coordinate);
        if (fieldClass) touched.add(fieldClass);
      },
    }),
  );
  return FIELD_CLASSES.filter((c) => touched.has(c));
}

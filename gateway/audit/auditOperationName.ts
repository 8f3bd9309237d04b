/**
 * The name the audit trail records for a GraphQL operation the client left unnamed
 * (`query { ... }`). Not "anonymous": that word is the subject of a caller without a token. Not
 * null either: null is what a non-GraphQL action (a steward decision through the identity flow)
 * records, and an auditor must tell the two apart. The parentheses keep it from ever being a real
 * operation's name (GraphQL names are letters, digits and underscores).
 */
export const UNNAMED_OPERATION = '(unnamed)';

/** The operation name to record for a GraphQL request: its own, or UNNAMED_OPERATION. */
export function auditOperationName(name: string | null | undefined): string {
  return name && name.length > 0 ? name : UNNAMED_OPERATION;
}

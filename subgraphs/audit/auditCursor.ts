import { GraphQLError } from 'graphql';

// Cursors wrap the store's event id so clients cannot build or depend on its format.
const PREFIX = 'a:';
const EVENT_ID = /^[0-9]{1,20}(-[0-9]{1,20})?$/;

export function encodeAuditCursor(eventId: string): string {
  return Buffer.from(`${PREFIX}${eventId}`).toString('base64url');
}

/** The event id inside a cursor; BAD_USER_INPUT for anything that is not one of ours. */
export function decodeAuditCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!EVENT_ID.test(id)) throw new GraphQLError('invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  return id;
}

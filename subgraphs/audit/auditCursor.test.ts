import { decodeAuditCursor, encodeAuditCursor } from './auditCursor';

describe('audit cursors', () => {
  it('round-trips stream ids and line numbers', () => {
    for (const id of ['1732694400000-0', '17']) expect(decodeAuditCursor(encodeAuditCursor(id))).toBe(id);
  });

  it('refuses cursors it did not issue', () => {
    for (const bad of ['', 'abc', Buffer.from('a:1 OR 1').toString('base64url'), Buffer.from('o:5').toString('base64url')]) {
      expect(() => decodeAuditCursor(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
  });
});

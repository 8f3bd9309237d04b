import {
  DeadlineReached,
  InvalidIdError,
  RequestCancelledError,
  UpstreamDeadlineReached,
  UpstreamProtocolError,
  UpstreamRejected,
  UpstreamTimeout,
  UpstreamUnavailable,
  isUpstreamError,
} from './errors';

describe('the upstream error taxonomy', () => {
  // [error, name, extensions.code, transient (worth retrying), message, detail]
  const table: Array<[Error & { code?: string; transient?: boolean; detail?: string }, string, string, boolean, string, string]> = [
    [new UpstreamTimeout('CARDS', 'getCards', 2000), 'UpstreamTimeout', 'UPSTREAM_TIMEOUT', true, 'CARDS getCards: no answer within 2000 ms', 'no answer within 2000 ms'],
    [new UpstreamDeadlineReached('ERP', 'getOrders'), 'UpstreamDeadlineReached', 'UPSTREAM_TIMEOUT', true, "ERP getOrders: no answer before the request's deadline", "no answer before the request's deadline"],
    [new UpstreamUnavailable('CORE_BANKING', 'customerInquiry', 'server error (503)'), 'UpstreamUnavailable', 'UPSTREAM_UNAVAILABLE', true, 'CORE_BANKING customerInquiry: server error (503)', 'server error (503)'],
    [new UpstreamRejected('CALL_CENTER', 'getContact', 'request refused (400)'), 'UpstreamRejected', 'UPSTREAM_REJECTED', false, 'CALL_CENTER getContact: request refused (400)', 'request refused (400)'],
    [new UpstreamRejected('CALL_CENTER', 'getContact', 'rate limited (429)', 1000), 'UpstreamRejected', 'UPSTREAM_REJECTED', true, 'CALL_CENTER getContact: rate limited (429)', 'rate limited (429)'],
    [new UpstreamRejected('CARDS', 'read', 'rate limited (429)', 0), 'UpstreamRejected', 'UPSTREAM_REJECTED', true, 'CARDS read: rate limited (429)', 'rate limited (429)'],
    [new UpstreamProtocolError('ERP', 'getPartner', 'unreadable response'), 'UpstreamProtocolError', 'UPSTREAM_PROTOCOL_ERROR', false, 'ERP getPartner: unreadable response', 'unreadable response'],
    [new InvalidIdError('CARDS', 'getCardholders', 'CH followed by 8 digits'), 'InvalidIdError', 'BAD_USER_INPUT', false, 'CARDS getCardholders: invalid id: expected CH followed by 8 digits', 'invalid id: expected CH followed by 8 digits'],
  ];

  it.each(table.map((row) => [row[4], ...row] as const))('%s', (_message, error, name, code, transient, message, detail) => {
    expect(isUpstreamError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, code: error.code, transient: error.transient, message: error.message, detail: error.detail }).toEqual({ name, code, transient, message, detail });
  });

  it('names the system and operation apart from the message', () => {
    const error = new UpstreamUnavailable('ERP', 'getOrders', 'breaker open', 1500);
    expect([error.system, error.operation, error.retryAfterMs]).toEqual(['ERP', 'getOrders', 1500]);
    expect(new UpstreamUnavailable('ERP', 'getOrders', 'breaker open').retryAfterMs).toBeUndefined();
    expect(new UpstreamRejected('ERP', 'getOrders', 'rate limited (429)', 250).retryAfterMs).toBe(250);
  });

  it('keeps a cause for debugging without putting it in the message', () => {
    const cause = new SyntaxError('Unexpected token < in JSON at position 0: <html>Jane Doe</html>');
    const error = new UpstreamProtocolError('CARDS', 'read', 'unreadable response', { cause });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('CARDS read: unreadable response');
  });

  it('counts the deadline as a timeout of the call', () => {
    expect(new UpstreamDeadlineReached('ERP', 'x')).toBeInstanceOf(UpstreamTimeout);
  });

  it('keeps a cancelled request and the deadline signal out of the upstream taxonomy', () => {
    const cancelled = new RequestCancelledError('CARDS', 'getCards');
    expect([cancelled.name, cancelled.message, cancelled.system, cancelled.operation]).toEqual(['RequestCancelledError', 'CARDS getCards: request cancelled', 'CARDS', 'getCards']);
    expect(isUpstreamError(cancelled)).toBe(false);
    const deadline = new DeadlineReached();
    expect([deadline.name, deadline.message]).toEqual(['DeadlineReached', "the request's deadline has come"]);
    expect(isUpstreamError(deadline)).toBe(false);
    expect(isUpstreamError(new Error('x'))).toBe(false);
    expect(isUpstreamError({ code: 'UPSTREAM_TIMEOUT', transient: true })).toBe(false);
  });
});

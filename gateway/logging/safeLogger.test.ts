import { Writable } from 'node:stream';
import { createSafeLogger } from './safeLogger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, log: createSafeLogger({ name: 'test', level: 'debug' }, stream) };
}

describe('createSafeLogger', () => {
  it('redacts credentials, variables and personal fields by name', () => {
    const { lines, log } = capture();
    log.info({ headers: { authorization: 'Bearer abc.def' }, variables: { id: 'cust_AAAA0000' }, record: { email: 'x@y.example', phones: ['07431841313'] } }, 'request');
    const entry = JSON.parse(lines[0]);
    expect(entry.headers.authorization).toBe('[redacted]');
    expect(entry.variables).toBe('[redacted]');
    expect(entry.record).toEqual({ email: '[redacted]', phones: '[redacted]' });
  });

  it('scrubs personal data out of messages, interpolations, free-text values and errors', () => {
    const { lines, log } = capture();
    log.warn('lookup of %s failed', 'mark.singh421@example.net');
    log.error({ reason: 'record AB024997D has phone +44 7417 544514', err: new Error('card 4111111111111111 refused') }, 'upstream said no');
    const text = lines.join('');
    expect(text).not.toMatch(/example\.net|AB024997D|7417|4111111111111111/);
    expect(JSON.parse(lines[0]).msg).toBe('lookup of [email] failed');
    const second = JSON.parse(lines[1]);
    expect(second.reason).toBe('record [national-id] has phone [phone]');
    expect(second.err.message).toBe('card [card-number] refused');
  });

  it('keeps request ids and operational fields intact', () => {
    const { lines, log } = capture();
    log.child({ requestId: '0741-8844-2230' }).info({ operationName: 'Customer360', durationMs: 12 }, 'graphql request');
    expect(JSON.parse(lines[0])).toMatchObject({ requestId: '0741-8844-2230', operationName: 'Customer360', durationMs: 12, msg: 'graphql request' });
  });
});

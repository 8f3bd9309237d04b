import { formatGatewayError, scrubInternalAddresses } from './errorFormatting';

describe('scrubInternalAddresses', () => {
  it('removes urls and host:port pairs', () => {
    const message =
      'request to http://10.0.3.7:4003/graphql failed, reason: connect ECONNREFUSED 10.0.3.7:4003';
    const scrubbed = scrubInternalAddresses(message);
    expect(scrubbed).not.toMatch(/10\.0\.3\.7|http/);
    expect(scrubbed).toBe('request to [internal] failed, reason: connect ECONNREFUSED [internal]');
  });

  it('leaves ordinary messages alone', () => {
    expect(scrubInternalAddresses('CARDS getCards timed out')).toBe('CARDS getCards timed out');
  });
});

describe('formatGatewayError', () => {
  const error = {
    message: 'request to http://cards.internal:4003/graphql failed',
    path: ['customer', 'cards'],
    extensions: {
      code: 'UPSTREAM_UNAVAILABLE',
      system: 'CARDS',
      serviceName: 'cards',
      stacktrace: ['Error: boom', '    at x.ts:1'],
      exception: { stacktrace: ['Error: boom'] },
      response: { url: 'http://cards.internal:4003/graphql', status: 500 },
    },
  };

  it('keeps everything outside production', () => {
    expect(formatGatewayError(error, { production: false })).toBe(error);
  });

  it('strips stack traces and internal urls in production, keeping code and system', () => {
    const formatted = formatGatewayError(error, { production: true });
    expect(formatted.message).toBe('request to [internal] failed');
    expect(formatted.path).toEqual(['customer', 'cards']);
    expect(formatted.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS', serviceName: 'cards' });
  });

  it('handles errors without extensions', () => {
    expect(formatGatewayError({ message: 'x' }, { production: true })).toEqual({ message: 'x' });
  });
});

import { parse } from 'graphql';
import { clientSelectedPath, formatGatewayError, scrubInternalAddresses } from './errorFormatting';

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
    expect(formatted.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'CARDS' });
  });

  it('handles errors without extensions', () => {
    expect(formatGatewayError({ message: 'x' }, { production: true })).toEqual({ message: 'x' });
  });
});

describe('production errors name no subgraph', () => {
  it('drops serviceName (the system is in `system`)', () => {
    const formatted = formatGatewayError({ message: 'm', extensions: { code: 'UPSTREAM_TIMEOUT', system: 'ERP', serviceName: 'erp' } }, { production: true });
    expect(formatted.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', system: 'ERP' });
  });
});

describe('clientSelectedPath', () => {
  const query = parse(`
    query Q($id: ID!) {
      c: customer(id: $id) {
        profile { fullName { value } }
        ...Money
        ... on Customer { cards { maskedPan } }
      }
      customers(first: 2) { edges { node { id accounts { accountNumber } } } }
    }
    fragment Money on Customer { accounts { balance { amount } } }
    query Other { customer(id: "x") { coreBankingRecords { localId } } }
  `);

  it.each([
    // [path of the error, path the client gets]
    [['c', 'coreBankingRecords'], ['c']],
    [['c', 'coreBankingRecords', 0, 'localId'], ['c']],
    [['c', 'profile', 'fullName'], ['c', 'profile', 'fullName']],
    [['c', 'accounts', 1, 'balance'], ['c', 'accounts', 1, 'balance']],
    [['c', 'accounts', 1, 'transactions'], ['c', 'accounts', 1]],
    [['c', 'cards', 0], ['c', 'cards', 0]],
    [['customers', 'edges', 3, 'node', 'cardholderRecords'], ['customers', 'edges', 3, 'node']],
    [['customers', 'edges', 0, 'node', 'accounts', 0, 'accountNumber'], ['customers', 'edges', 0, 'node', 'accounts', 0, 'accountNumber']],
  ] as Array<[Array<string | number>, Array<string | number>]>)('%j -> %j', (path, expected) => {
    expect(clientSelectedPath(path, query, 'Q')).toEqual(expected);
  });

  it('uses the named operation, and gives no path when not even the root field was selected', () => {
    expect(clientSelectedPath(['customer', 'coreBankingRecords', 0], query, 'Other')).toEqual(['customer', 'coreBankingRecords', 0]);
    expect(clientSelectedPath(['customer', 'coreBankingRecords'], query, 'Q')).toBeUndefined();
  });
});

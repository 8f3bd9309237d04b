import { z } from 'zod/v4';
import { UpstreamRejected, UpstreamUnavailable } from '../kit';
import { decodeODataResponse, odataErrorFor } from './erpResponseDecoder';

const schema = z.object({ d: z.object({ a: z.number() }) });
const response = (status: number, body: string) => ({ status, headers: {}, body });
const odataError = JSON.stringify({ error: { code: '/IWBEP/CM_MGW_RT/004', message: { lang: 'en', value: "LastName eq 'Secret'" } } });

describe('decodeODataResponse', () => {
  it('parses a 200 body against its schema', () => {
    expect(decodeODataResponse('op', response(200, '{"d":{"a":1}}'), schema)).toEqual({ d: { a: 1 } });
    expect(() => decodeODataResponse('op', response(200, '{"d":{"a":"1"}}'), schema)).toThrow(z.ZodError);
    expect(() => decodeODataResponse('op', response(200, '{"d":'), schema)).toThrow(SyntaxError);
  });

  it('reads 404 as not found only when asked to', () => {
    expect(decodeODataResponse('op', response(404, odataError), schema, { notFoundAsNull: true })).toBeNull();
    expect(() => decodeODataResponse('op', response(404, odataError), schema)).toThrow(UpstreamRejected);
  });
});

describe('odataErrorFor', () => {
  it('turns an OData error on a 4xx into UpstreamRejected naming the code, not the message text', () => {
    const error = odataErrorFor('queryBusinessPartners', response(400, odataError));
    expect(error).toBeInstanceOf(UpstreamRejected);
    expect(error.message).toContain('/IWBEP/CM_MGW_RT/004');
    expect(error.message).not.toContain('Secret');
  });

  it('treats 5xx as unavailable and an unreadable 4xx by its status', () => {
    expect(odataErrorFor('op', response(500, odataError))).toBeInstanceOf(UpstreamUnavailable);
    expect(odataErrorFor('op', response(403, '<html>'))).toBeInstanceOf(UpstreamRejected);
  });
});

describe('odataErrorFor: which status means what (by hand, from the OData v2 and HTTP conventions)', () => {
  // [status, body, error class, message]
  it.each<[number, string, unknown, string]>([
    [400, odataError, UpstreamRejected, 'ERP op: OData error /IWBEP/CM_MGW_RT/004 (HTTP 400)'],
    [499, odataError, UpstreamRejected, 'ERP op: OData error /IWBEP/CM_MGW_RT/004 (HTTP 499)'],
    [500, odataError, UpstreamUnavailable, 'ERP op: server error (500)'],
    [429, odataError, UpstreamRejected, 'ERP op: rate limited (429)'],
    [302, odataError, UpstreamRejected, 'ERP op: request refused (302)'],
    [403, '<html>', UpstreamRejected, 'ERP op: request refused (403)'],
    [400, '{"error":{"message":"no code"}}', UpstreamRejected, 'ERP op: request refused (400)'],
    [400, '', UpstreamRejected, 'ERP op: request refused (400)'],
  ])('%i %s', (status, body, type, message) => {
    const error = odataErrorFor('op', response(status, body));
    expect(error).toBeInstanceOf(type as new () => Error);
    expect(error.message).toBe(message);
  });

  it('reads any non-200 answer through the same mapping when not-found is not null', () => {
    expect(() => decodeODataResponse('op', response(201, '{}'), schema)).toThrow('ERP op: request refused (201)');
    expect(() => decodeODataResponse('op', response(503, ''), schema, { notFoundAsNull: true })).toThrow(UpstreamUnavailable);
  });
});

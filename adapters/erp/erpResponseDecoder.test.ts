import { z } from 'zod';
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

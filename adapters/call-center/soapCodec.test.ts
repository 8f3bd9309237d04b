import { XMLParser } from 'fast-xml-parser';
import { UpstreamProtocolError, UpstreamRejected, UpstreamUnavailable } from '../kit/errors';
import { buildSoapRequest, CallCenterRejected, decodeSoapResponse, soapHeaders } from './soapCodec';

const ENV = 'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"';
const ok = (body: string) => ({ status: 200, headers: {}, body });
const envelope = (inner: string) => `<?xml version="1.0"?><soap:Envelope ${ENV}><soap:Body>${inner}</soap:Body></soap:Envelope>`;
const fault = (code: string, detail: string) =>
  envelope(`<soap:Fault><faultcode>${code}</faultcode><faultstring>no</faultstring><detail><CallCenterFault xmlns="urn:unifiedview:contact-center:v1"><code>${detail}</code></CallCenterFault></detail></soap:Fault>`);

describe('soapCodec', () => {
  it('builds an escaped request envelope in the service namespace, leaving out absent elements', () => {
    const xml = buildSoapRequest('GetContactsByPhone', { phone: '<07700> & 900123', cursor: undefined });
    expect(xml).toContain('<GetContactsByPhone xmlns="urn:unifiedview:contact-center:v1">');
    expect(xml).toContain('&lt;07700&gt; &amp; 900123');
    expect(xml).not.toContain('cursor');
    const parsed = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml);
    expect(parsed.Envelope.Body.GetContactsByPhone.phone).toBe('<07700> & 900123');
  });

  it('writes repeated elements for a list', () => {
    const xml = buildSoapRequest('GetContactsByIds', { contactIds: { contactId: ['C000000001', 'C000000002'] } });
    expect(xml).toContain('<contactIds><contactId>C000000001</contactId><contactId>C000000002</contactId></contactIds>');
  });

  it('names the operation in SOAPAction', () => {
    expect(soapHeaders('GetAdvisor')).toEqual({ 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:unifiedview:contact-center:v1/GetAdvisor"' });
  });

  it('returns the response element content, keeping digit strings as text', () => {
    const body = envelope('<ns2:GetChangesResponse xmlns:ns2="urn:x"><ns2:nextCursor>007</ns2:nextCursor></ns2:GetChangesResponse>');
    expect(decodeSoapResponse('GetChanges', ok(body))).toEqual({ nextCursor: '007' });
    expect(decodeSoapResponse('GetAdvisor', ok(envelope('<GetAdvisorResponse/>')))).toEqual({});
  });

  it('turns a soap:Client fault into CallCenterRejected with its detail code', () => {
    const error = (() => {
      try {
        decodeSoapResponse('ScheduleCallback', { status: 500, headers: {}, body: fault('soap:Client', 'SlotUnavailable') });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UpstreamRejected);
    expect(error).toBeInstanceOf(CallCenterRejected);
    expect((error as CallCenterRejected).faultCode).toBe('SlotUnavailable');
    expect((error as Error).message).toBe('CALL_CENTER ScheduleCallback: refused (SlotUnavailable)');
  });

  it('turns a soap:Server fault into UpstreamUnavailable', () => {
    expect(() => decodeSoapResponse('GetAdvisor', { status: 500, headers: {}, body: fault('SOAP-ENV:Server', 'ServiceUnavailable') })).toThrow(UpstreamUnavailable);
  });

  it('maps a non-SOAP error page by its status', () => {
    expect(() => decodeSoapResponse('GetAdvisor', { status: 503, headers: {}, body: '<html>down</html' })).toThrow(UpstreamUnavailable);
    expect(() => decodeSoapResponse('GetAdvisor', { status: 404, headers: {}, body: 'no' })).toThrow(UpstreamRejected);
  });

  it.each([
    ['a truncated envelope', envelope('<GetAdvisorResponse><advisor>').slice(0, 80)],
    ['not XML', '{"json":true}'],
    ['no envelope', '<GetAdvisorResponse/>'],
    ['another operation', envelope('<GetChangesResponse/>')],
    ['a DTD', `<!DOCTYPE x [<!ENTITY a "b">]>${envelope('<GetAdvisorResponse/>')}`],
  ])('refuses %s with UpstreamProtocolError', (_name, body) => {
    expect(() => decodeSoapResponse('GetAdvisor', ok(body))).toThrow(UpstreamProtocolError);
  });

  // A lenient parser reads most of these as data (fast-xml-parser's parse did: an unclosed or
  // mismatched tag, a body cut after </soap:Body>, trailing junk); the strict one-pass read
  // (xmlDocument.ts) must keep every row of this table red.
  const advisor = '<GetAdvisorResponse><advisor><advisorId>A1</advisorId><name>Ann</name></advisor></GetAdvisorResponse>';
  const whole = envelope(advisor);
  it.each([
    ['cut in half', whole.slice(0, Math.floor(whole.length / 2))],
    ['cut inside the closing Envelope tag', whole.slice(0, whole.length - 3)],
    ['cut right after </soap:Body>', whole.slice(0, whole.indexOf('</soap:Envelope>'))],
    ['unclosed elements', envelope('<GetAdvisorResponse><advisor><advisorId>A1</advisorId>')],
    ['an element closed by its parent', envelope('<GetAdvisorResponse><advisor><advisorId>A1</advisor></GetAdvisorResponse>')],
    ['mismatched tags', envelope('<GetAdvisorResponse><advisor><advisorId>A1</name></advisor></GetAdvisorResponse>')],
    ['trailing markup after the root', `${whole}<extra>`],
    ['trailing text after the root', `${whole}junk`],
    ['two envelopes', whole + whole],
    ['an unquoted attribute', envelope('<GetAdvisorResponse a=1/>')],
    ['a bare < in text', envelope('<GetAdvisorResponse>a < b</GetAdvisorResponse>')],
    ['garbage', 'x<<>>&&;;\u0000\u0001'],
    ['empty', ''],
    ['whitespace only', ' \n\t '],
    ['an HTML error page with status 200', '<html><body><h1>502 Bad Gateway</h1><br></body></html>'],
    ['a DOCTYPE with an entity', `<!DOCTYPE x [<!ENTITY a "b">]>${whole}`],
    ['a DOCTYPE without an internal subset', `<!doctype soap:Envelope SYSTEM "http://x/e.dtd">${whole}`],
  ])('refuses a malformed envelope (%s) with UpstreamProtocolError, never partial data', (_name, body) => {
    expect(() => decodeSoapResponse('GetAdvisor', ok(body))).toThrow(UpstreamProtocolError);
  });

  it('reads the same envelope whole (the table above is malformed, not unreadable)', () => {
    expect(decodeSoapResponse('GetAdvisor', ok(whole))).toEqual({ advisor: { advisorId: 'A1', name: 'Ann' } });
  });
});

import { UpstreamProtocolError, UpstreamRejected, UpstreamUnavailable } from '../kit/errors';
import { buildSoapRequest, CallCenterRejected, decodeSoapResponse, ENDPOINT_PATH, SOAP_ENV_NAMESPACE } from './soapCodec';

/**
 * The SOAP codec's edges, written by hand from SOAP 1.1 (sections 4.4 and 6.2) and the call
 * center's PROTOCOL.md: the faultcode's QName forms, the detail code's allowed shape, the HTTP
 * statuses on either side of 400 and the exact message an operator reads for each refusal.
 * These are the cases the mutation run found untested (TESTING.md).
 */

const ENV = 'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"';
const envelope = (inner: string) => `<?xml version="1.0"?><soap:Envelope ${ENV}><soap:Body>${inner}</soap:Body></soap:Envelope>`;
const at = (status: number, body: string) => ({ status, headers: {}, body });
const faultWith = (faultcode: string | null, detail: string | null) =>
  envelope(
    '<soap:Fault>' +
      (faultcode === null ? '' : `<faultcode>${faultcode}</faultcode>`) +
      '<faultstring>refused</faultstring>' +
      (detail === null ? '' : `<detail><CallCenterFault xmlns="urn:unifiedview:contact-center:v1">${detail}</CallCenterFault></detail>`) +
      '</soap:Fault>',
  );

/** The error decodeSoapResponse throws (the test fails if it returns). */
function thrownBy(operation: string, response: { status: number; headers: Record<string, string>; body: string }): Error {
  try {
    decodeSoapResponse(operation, response);
  } catch (error) {
    return error as Error;
  }
  throw new Error('decodeSoapResponse returned where an error was expected');
}

describe('soapCodec: the envelope it writes', () => {
  it('starts with the XML declaration naming UTF-8 (the service reads no other encoding)', () => {
    expect(buildSoapRequest('GetAdvisor', { advisorId: 'A0001' }).startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('puts the envelope in the SOAP 1.1 namespace and posts to the one endpoint of PROTOCOL.md', () => {
    expect(SOAP_ENV_NAMESPACE).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(ENDPOINT_PATH).toBe('/ContactCenterService');
    expect(buildSoapRequest('GetAdvisor', {})).toContain('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>');
  });
});

describe('soapCodec: reading a response', () => {
  it('ignores attributes on the response element (a toolkit may add its own)', () => {
    const body = envelope('<GetAdvisorResponse version="2" id="r1"><advisor kind="rm"><advisorId>A1</advisorId><name>Ann</name></advisor></GetAdvisorResponse>');
    expect(decodeSoapResponse('GetAdvisor', at(200, body))).toEqual({ advisor: { advisorId: 'A1', name: 'Ann' } });
  });

  it('trims the whitespace a pretty-printing server puts around a value, and keeps leading zeros', () => {
    const body = envelope('<GetChangesResponse>\n  <nextCursor>\n    007\n  </nextCursor>\n</GetChangesResponse>');
    expect(decodeSoapResponse('GetChanges', at(200, body))).toEqual({ nextCursor: '007' });
  });

  it.each([
    ['an empty Body', envelope(''), 'response holds no response element'],
    ['a self-closed Body', `<soap:Envelope ${ENV}><soap:Body/></soap:Envelope>`, 'response holds no response element'],
    ['another operation', envelope('<GetChangesResponse/>'), 'response holds no response element'],
    ['text for the response element', envelope('<GetAdvisorResponse>A1</GetAdvisorResponse>'), 'response element has an unexpected shape'],
    ['two response elements', envelope('<GetAdvisorResponse><a>1</a></GetAdvisorResponse><GetAdvisorResponse><a>2</a></GetAdvisorResponse>'), 'response element has an unexpected shape'],
    ['no envelope', '<GetAdvisorResponse/>', 'response is not a SOAP envelope'],
    ['an empty body', '', 'response is not a SOAP envelope'],
    ['a DOCTYPE', `<!DOCTYPE soap:Envelope>${envelope('<GetAdvisorResponse/>')}`, 'response is not a SOAP envelope'],
  ])('refuses %s with its own message', (_case, body, detail) => {
    const error = thrownBy('GetAdvisor', at(200, body));
    expect(error).toBeInstanceOf(UpstreamProtocolError);
    expect(error.message).toBe(`CALL_CENTER GetAdvisor: ${detail}`);
  });
});

describe('soapCodec: an answer that is not 200 and not a fault', () => {
  it.each([
    [400, UpstreamRejected, 'request refused (400)'],
    [404, UpstreamRejected, 'request refused (404)'],
    [499, UpstreamRejected, 'request refused (499)'],
    [500, UpstreamUnavailable, 'server error (500)'],
    [302, UpstreamProtocolError, 'unexpected HTTP status 302'],
    [204, UpstreamProtocolError, 'unexpected HTTP status 204'],
    [399, UpstreamProtocolError, 'unexpected HTTP status 399'],
  ])('HTTP %i with a proxy page is %p (%s)', (status, type, detail) => {
    const error = thrownBy('GetAdvisor', at(status, '<html><body>proxy</body></html>'));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toBe(`CALL_CENTER GetAdvisor: ${detail}`);
  });

  it('reads a well-formed envelope sent with a status other than 200 by its status, not its content', () => {
    const error = thrownBy('GetAdvisor', at(202, envelope('<GetAdvisorResponse><advisor>A1</advisor></GetAdvisorResponse>')));
    expect(error.message).toBe('CALL_CENTER GetAdvisor: unexpected HTTP status 202');
  });
});

describe('soapCodec: faults', () => {
  // SOAP 1.1 section 4.4.1: a faultcode is a QName whose local part may be refined with dots
  // (Client.Authentication); the prefix is whatever the server bound the envelope namespace to.
  it.each([
    ['soap:Client', 'CallCenterRejected'],
    ['SOAP-ENV:Client.Validation', 'CallCenterRejected'],
    ['Client', 'CallCenterRejected'],
    ['soap:Server', 'UpstreamUnavailable'],
    ['env:Server.Busy', 'UpstreamUnavailable'],
    ['soap:VersionMismatch', 'UpstreamProtocolError'],
    ['soap:MustUnderstand', 'UpstreamProtocolError'],
    ['soap:NotClient', 'UpstreamProtocolError'],
    ['soap:TheServer', 'UpstreamProtocolError'],
    ['soap:', 'UpstreamProtocolError'],
  ])('faultcode %s is %s', (faultcode, typeName) => {
    const error = thrownBy('ScheduleCallback', at(500, faultWith(faultcode, '<code>SlotUnavailable</code>')));
    expect(error.name).toBe(typeName);
  });

  it('names a server fault and an unknown faultcode in words, not with the fault text', () => {
    expect(thrownBy('GetAdvisor', at(500, faultWith('soap:Server', null))).message).toBe('CALL_CENTER GetAdvisor: server fault');
    expect(thrownBy('GetAdvisor', at(500, faultWith('soap:VersionMismatch', null))).message).toBe('CALL_CENTER GetAdvisor: fault with an unknown faultcode');
  });

  it('refuses a fault without a faultcode as a protocol error', () => {
    const error = thrownBy('GetAdvisor', at(500, faultWith(null, '<code>SlotUnavailable</code>')));
    expect(error).toBeInstanceOf(UpstreamProtocolError);
    expect(error.message).toBe('CALL_CENTER GetAdvisor: fault with an unknown faultcode');
  });

  // The detail code reaches the graph's error extensions, so only a plain word of at most 64
  // characters is passed on; anything else is reported as the bare 'Client'.
  const sixtyFour = 'S'.repeat(64);
  it.each([
    ['a plain code', '<code>SlotUnavailable</code>', 'SlotUnavailable'],
    ['digits and underscores', '<code>E_4001</code>', 'E_4001'],
    ['64 characters', `<code>${sixtyFour}</code>`, sixtyFour],
    ['65 characters', `<code>${sixtyFour}S</code>`, 'Client'],
    ['a space inside', '<code>Slot Unavailable</code>', 'Client'],
    ['junk before the word', '<code>%SlotUnavailable</code>', 'Client'],
    ['junk after the word', '<code>SlotUnavailable%</code>', 'Client'],
    ['an element instead of text', '<code><inner>x</inner></code>', 'Client'],
    ['no code element', '<reason>x</reason>', 'Client'],
  ])('a client fault with %s reports faultCode %s', (_case, detail, expected) => {
    const error = thrownBy('ScheduleCallback', at(500, faultWith('soap:Client', detail)));
    expect(error).toBeInstanceOf(CallCenterRejected);
    expect((error as CallCenterRejected).faultCode).toBe(expected);
  });

  it('a client fault without any detail reports faultCode Client', () => {
    const error = thrownBy('ScheduleCallback', at(500, faultWith('soap:Client', null)));
    expect((error as CallCenterRejected).faultCode).toBe('Client');
    expect(error.message).toBe('CALL_CENTER ScheduleCallback: refused (Client)');
  });
});

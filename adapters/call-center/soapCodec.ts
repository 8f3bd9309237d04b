import { XMLBuilder } from 'fast-xml-parser';
import { UpstreamProtocolError, UpstreamRejected, UpstreamUnavailable } from '../kit/errors';
import { statusError, type UpstreamResponse } from '../kit/systemClient';
import { readXmlDocument } from './xmlDocument';

/**
 * The client side of the call center's SOAP 1.1 dialect (simulators/call-center/PROTOCOL.md):
 * writes request envelopes, reads response envelopes and turns SOAP faults into the kit's errors.
 * XML is built with fast-xml-parser, so values are always escaped, and read in one strict pass
 * (xmlDocument.ts).
 */

export const SERVICE_NAMESPACE = 'urn:unifiedview:contact-center:v1';
export const SOAP_ENV_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const ENDPOINT_PATH = '/ContactCenterService';
const SYSTEM = 'CALL_CENTER';

/** A soap:Client fault: the service refused this request. `faultCode` is the detail code (e.g. `SlotUnavailable`). */
export class CallCenterRejected extends UpstreamRejected {
  constructor(
    operation: string,
    readonly faultCode: string,
  ) {
    super(SYSTEM, operation, `refused (${faultCode})`);
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

export type RequestContent = Record<string, string | string[] | Record<string, string | string[]> | undefined>;

/** `<soap:Envelope><soap:Body><Op xmlns="urn:...">content</Op></soap:Body></soap:Envelope>`; undefined elements are left out. */
export function buildSoapRequest(operation: string, content: RequestContent): string {
  const element: Record<string, unknown> = { '@_xmlns': SERVICE_NAMESPACE };
  for (const [name, value] of Object.entries(content)) if (value !== undefined) element[name] = value;
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': SOAP_ENV_NAMESPACE, 'soap:Body': { [operation]: element } },
  });
}

export function soapHeaders(operation: string): Record<string, string> {
  return { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${SERVICE_NAMESPACE}/${operation}"` };
}

/**
 * The Body's child elements, or undefined when the text is not a readable SOAP envelope. Local
 * names are matched (prefixes vary by server toolkit); values stay strings (leading zeros matter).
 */
function readBody(xml: string): Record<string, unknown> | undefined {
  const document = readXmlDocument(xml);
  const body = child(child(document, 'Envelope'), 'Body');
  if (body === '') return {};
  return isObject(body) ? body : undefined;
}

/**
 * The content of `<{operation}Response>` (an object; `{}` for an empty element), or a typed error:
 * soap:Client fault -> CallCenterRejected (an UpstreamRejected), soap:Server fault -> UpstreamUnavailable,
 * anything unreadable -> UpstreamProtocolError.
 */
export function decodeSoapResponse(operation: string, response: UpstreamResponse): Record<string, unknown> {
  const body = readBody(response.body);
  const fault = body?.Fault;
  if (fault !== undefined) throw faultError(operation, fault);
  if (response.status !== 200) {
    // Not a SOAP fault (a proxy's HTML page, a truncated fault): the status says what it is.
    if (response.status >= 400) throw statusError(SYSTEM, operation, response);
    throw new UpstreamProtocolError(SYSTEM, operation, `unexpected HTTP status ${response.status}`);
  }
  if (!body) throw new UpstreamProtocolError(SYSTEM, operation, 'response is not a SOAP envelope');
  const content = body[`${operation}Response`];
  if (content === undefined) throw new UpstreamProtocolError(SYSTEM, operation, 'response holds no response element');
  if (content === '') return {};
  if (!isObject(content)) throw new UpstreamProtocolError(SYSTEM, operation, 'response element has an unexpected shape');
  return content;
}

function faultError(operation: string, fault: unknown): Error {
  const faultcode = String(child(fault, 'faultcode') ?? '');
  const detailCode = child(child(child(fault, 'detail'), 'CallCenterFault'), 'code');
  // SOAP 1.1 fault codes are QNames (`soap:Client`, `SOAP-ENV:Server.Busy`): compare the local part's head.
  const local = faultcode.split(':').pop() ?? '';
  if (local.startsWith('Client')) return new CallCenterRejected(operation, typeof detailCode === 'string' && /^\w{1,64}$/.test(detailCode) ? detailCode : 'Client');
  if (local.startsWith('Server')) return new UpstreamUnavailable(SYSTEM, operation, 'server fault');
  return new UpstreamProtocolError(SYSTEM, operation, 'fault with an unknown faultcode');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, name: string): unknown {
  return isObject(value) ? value[name] : undefined;
}

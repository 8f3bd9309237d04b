import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { SERVICE_NAMESPACE, SOAP_ENV_NAMESPACE, ENDPOINT_PATH } from './callCenterProtocol';

/**
 * A bare SOAP client for the simulator's own tests: builds a request envelope, posts it over real
 * HTTP and parses whatever comes back (including faults), without any adapter logic in between.
 */

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false });

export function soapRequestXml(operation: string, content: Record<string, unknown>): string {
  return builder.build({
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_ENV_NAMESPACE,
      'soap:Body': { [`cc:${operation}`]: { '@_xmlns:cc': SERVICE_NAMESPACE, ...prefixed(content) } },
    },
  });
}

/** Request children in the service namespace, with a `cc:` prefix as a typical toolkit writes them. */
function prefixed(content: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(content).map(([k, v]) => [
      `cc:${k}`,
      v !== null && typeof v === 'object' && !Array.isArray(v) ? prefixed(v as Record<string, unknown>) : v,
    ]),
  );
}

export interface SoapCallResult {
  status: number;
  contentType: string | null;
  raw: string;
  /** The Body's single child, parsed (`{ GetContactsByIdsResponse: ... }` or `{ Fault: ... }`). */
  body: Record<string, unknown>;
}

export async function postSoap(baseUrl: string, action: string | null, xml: string): Promise<SoapCallResult> {
  const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
  if (action !== null) headers.soapaction = `"${SERVICE_NAMESPACE}/${action}"`;
  const response = await fetch(`${baseUrl}${ENDPOINT_PATH}`, { method: 'POST', headers, body: xml });
  const raw = await response.text();
  // A truncated (malformed-fault) body is not XML: report it as a response with no Body content.
  const parsed = (XMLValidator.validate(raw) === true ? parser.parse(raw) : {}) as { Envelope?: { Body?: Record<string, unknown> } };
  return { status: response.status, contentType: response.headers.get('content-type'), raw, body: parsed.Envelope?.Body ?? {} };
}

export function callSoap(baseUrl: string, operation: string, content: Record<string, unknown>): Promise<SoapCallResult> {
  return postSoap(baseUrl, operation, soapRequestXml(operation, content));
}

/** A repeated element is a string once and an array when more: normalise for assertions. */
export function asList<T>(value: T | T[] | undefined | ''): T[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

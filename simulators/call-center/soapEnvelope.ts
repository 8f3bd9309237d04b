import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { SERVICE_NAMESPACE, SOAP_ENV_NAMESPACE, type FaultCode } from './callCenterProtocol';

/**
 * SOAP 1.1 envelopes on the server side: read a request envelope, write a response or a fault.
 * All XML goes through fast-xml-parser in both directions, so values are always escaped.
 */

/** A tree of element values as the builder takes it: text, nested elements, or repeated elements. */
export type XmlValue = string | number | boolean | XmlTree | XmlValue[];
export interface XmlTree {
  [element: string]: XmlValue | null | undefined;
}

/** A request envelope's body element: its local name and its content (strings and nested objects). */
export interface SoapRequest {
  operation: string;
  payload: Record<string, unknown>;
}

/** The request could not be read as a SOAP 1.1 envelope; the caller answers with a Client fault. */
export class SoapParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SoapParseError';
  }
}

/** A fault an operation raises; the simulator turns it into a SOAP 1.1 fault envelope. */
export class SoapFaultError extends Error {
  constructor(
    readonly faultcode: 'Client' | 'Server',
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'SoapFaultError';
  }
}

// Namespace prefixes vary by client, so the parser drops them and matches local names.
// Tag values stay strings: a phone `07700900123` must not become a number.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  maxNestedTags: 32,
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

/** SOAP 1.1 forbids a DTD in a message; refusing it also shuts out entity-expansion tricks. */
const DTD = /<!DOCTYPE/i;

export function parseSoapRequest(xml: string): SoapRequest {
  if (xml.trim() === '') throw new SoapParseError('empty request body');
  if (DTD.test(xml)) throw new SoapParseError('a SOAP message must not contain a DTD');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new SoapParseError('request is not well-formed XML');
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    throw new SoapParseError('request is not well-formed XML');
  }
  const envelope = field(document, 'Envelope');
  const body = field(envelope, 'Body');
  if (!isObject(body)) throw new SoapParseError('request has no SOAP Envelope/Body');
  const elements = Object.keys(body);
  if (elements.length !== 1) throw new SoapParseError('SOAP Body must hold exactly one operation element');
  const operation = elements[0];
  const content = body[operation];
  // `<Op/>` parses as an empty string: an operation with no arguments.
  const payload = isObject(content) ? content : {};
  return { operation, payload };
}

/** The local name of the operation a request's body holds, or undefined when it cannot be read. */
export function bodyOperationOf(xml: string): string | undefined {
  try {
    return parseSoapRequest(xml).operation;
  } catch {
    return undefined;
  }
}

function envelope(body: XmlTree): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    'soap:Envelope': { '@_xmlns:soap': SOAP_ENV_NAMESPACE, 'soap:Body': body },
  });
}

/** `<soap:Envelope><soap:Body><{operation}Response xmlns=...>content</...></soap:Body></soap:Envelope>` */
export function buildSoapResponse(operation: string, content: XmlTree): string {
  return envelope({ [`${operation}Response`]: { '@_xmlns': SERVICE_NAMESPACE, ...withoutNulls(content) } });
}

/** A SOAP 1.1 fault; the machine-readable code goes in `<detail>`. */
export function buildSoapFault(fault: { faultcode: 'Client' | 'Server'; code: FaultCode; message: string }): string {
  return envelope({
    'soap:Fault': {
      faultcode: `soap:${fault.faultcode}`,
      faultstring: fault.message,
      detail: { CallCenterFault: { '@_xmlns': SERVICE_NAMESPACE, code: fault.code } },
    },
  });
}

/** Absent elements mean "no value" in this dialect, so nulls are dropped rather than sent empty. */
export function withoutNulls(tree: XmlTree): XmlTree {
  const out: XmlTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (value === null || value === undefined) continue;
    out[key] = value;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, name: string): unknown {
  return isObject(value) ? value[name] : undefined;
}

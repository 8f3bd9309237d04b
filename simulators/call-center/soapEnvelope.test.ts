import { XMLParser } from 'fast-xml-parser';
import { buildSoapFault, buildSoapResponse, parseSoapRequest, SoapParseError } from './soapEnvelope';
import { soapRequestXml } from './soapTestClient';

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });

describe('soapEnvelope', () => {
  it('reads the operation and its arguments whatever the namespace prefix', () => {
    const xml = soapRequestXml('GetContactsByPhone', { phone: '07700 900123' });
    expect(parseSoapRequest(xml)).toEqual({ operation: 'GetContactsByPhone', payload: { phone: '07700 900123' } });
    const unprefixed =
      '<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><GetAdvisor xmlns="urn:x"><advisorId>A0001</advisorId></GetAdvisor></Body></Envelope>';
    expect(parseSoapRequest(unprefixed)).toEqual({ operation: 'GetAdvisor', payload: { advisorId: 'A0001' } });
  });

  it('keeps digit strings as strings (leading zeros survive)', () => {
    const { payload } = parseSoapRequest(soapRequestXml('GetContactsByPhone', { phone: '07700900123' }));
    expect(payload.phone).toBe('07700900123');
  });

  it('treats an empty operation element as no arguments', () => {
    expect(parseSoapRequest(soapRequestXml('GetChanges', {})).payload).toEqual({});
  });

  it.each([
    ['empty', ''],
    ['not XML', 'hello'],
    ['truncated', soapRequestXml('GetAdvisor', { advisorId: 'A0001' }).slice(0, 60)],
    ['no envelope', '<x><y/></x>'],
    ['two operations', '<Envelope><Body><A/><B/></Body></Envelope>'],
    ['a DTD', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><Envelope><Body><A>&x;</A></Body></Envelope>'],
  ])('refuses %s with a SoapParseError', (_name, xml) => {
    expect(() => parseSoapRequest(xml)).toThrow(SoapParseError);
  });

  it('escapes values it writes into a response', () => {
    const xml = buildSoapResponse('GetAdvisor', { advisor: { advisorId: 'A0001', name: 'O\'Brien <&> "x"' } });
    expect(xml).toContain('&lt;&amp;&gt;');
    const parsed = parser.parse(xml);
    expect(parsed.Envelope.Body.GetAdvisorResponse.advisor.name).toBe('O\'Brien <&> "x"');
    expect(xml).toContain('<GetAdvisorResponse xmlns="urn:unifiedview:contact-center:v1">');
  });

  it('drops null elements rather than sending them empty', () => {
    const xml = buildSoapResponse('GetAdvisor', { advisor: undefined, other: null });
    expect(xml).not.toContain('advisor>');
    expect(xml).not.toContain('other');
    expect(parser.parse(xml).Envelope.Body.GetAdvisorResponse).toBe('');
  });

  it('writes a SOAP 1.1 fault with the code in the detail', () => {
    const xml = buildSoapFault({ faultcode: 'Client', code: 'SlotUnavailable', message: 'slot is already booked' });
    const fault = parser.parse(xml).Envelope.Body.Fault;
    expect(fault.faultcode).toBe('soap:Client');
    expect(fault.faultstring).toBe('slot is already booked');
    expect(fault.detail.CallCenterFault.code).toBe('SlotUnavailable');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ContactRecord } from '../dataset/records';
import { contactXml } from './callCenterOperations';
import { buildSoapResponse } from './soapEnvelope';

const folder = path.join(__dirname, 'golden');
const goldenXml = readFileSync(path.join(folder, 'GetContactsByIds.response.golden.xml'), 'utf8');
const contact = JSON.parse(readFileSync(path.join(folder, 'contact.golden.json'), 'utf8'));

/** Compares documents as SOAP readers see them: element names with their namespace URIs, text, order. */
const reader = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true, preserveOrder: true });

it('answers GetContactsByIds with the hand-written SOAP 1.1 envelope', () => {
  const built = buildSoapResponse('GetContactsByIds', { contacts: { contact: [contactXml(contact.record as ContactRecord)] } });
  expect(reader.parse(built)).toEqual(reader.parse(goldenXml));
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toCallCenterContact } from './callCenterMapping';
import { contactsResponse } from './callCenterWire';
import { decodeSoapResponse } from './soapCodec';

const folder = path.join(__dirname, '..', '..', 'simulators', 'call-center', 'golden');
const goldenXml = readFileSync(path.join(folder, 'GetContactsByIds.response.golden.xml'), 'utf8');
const contact = JSON.parse(readFileSync(path.join(folder, 'contact.golden.json'), 'utf8'));

it('reads the hand-written SOAP envelope as the golden canonical contact', () => {
  const content = decodeSoapResponse('GetContactsByIds', { status: 200, headers: {}, body: goldenXml });
  expect(contactsResponse.parse(content).contacts.map(toCallCenterContact)).toEqual([contact.canonical]);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CardRecord } from '../dataset/records';
import { toWireCard } from './cardsWire';

const golden = JSON.parse(readFileSync(path.join(__dirname, 'golden', 'card.golden.json'), 'utf8'));

it('renders the golden card record as the hand-written card resource, full PAN included', () => {
  expect(toWireCard(golden.cardholderId, golden.record as CardRecord)).toEqual(golden.wire);
});

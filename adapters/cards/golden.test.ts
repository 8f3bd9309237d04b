import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toCard } from './cardsMapping';
import { wireCardSchema } from './cardsWireSchemas';

const golden = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'simulators', 'cards', 'golden', 'card.golden.json'), 'utf8'));

it('reads the hand-written card resource as the golden canonical card, PAN masked', () => {
  expect(toCard(wireCardSchema.parse(golden.wire))).toEqual(golden.canonical);
});

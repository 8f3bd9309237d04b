import { findLuhnValidCardNumbers } from '../../gateway/logging/luhn';
import type { RunningSimulator } from '../../simulators/kit/simulatorServer';
import { startCardsSimulator } from '../../simulators/cards/cardsSimulator';
import { cardholderId, makeCardholders } from '../../simulators/cards/cardsTestRecords';
import { defaultSystemConfig } from '../kit';
import type { CardsAdapter, createCardsAdapter as CreateCardsAdapter } from './cardsAdapter';

/**
 * The adapter is what masks card numbers: the processor (the live simulator) serves them whole,
 * everything the adapter hands on is free of them, and the same adapter built with its masking
 * module replaced by a no-op leaks them, so the PCI scans (here, and in
 * tests/pciResponses.e2e.test.ts through the whole graph) fail when masking is removed.
 * The scanner is the gateway's Luhn finder, not the adapter's own PAN regex.
 */
const records = makeCardholders(30);
const holders = records.slice(0, 10).map((r) => r.cardholderId);
let sim: RunningSimulator;
const adapters: CardsAdapter[] = [];

beforeAll(async () => {
  sim = await startCardsSimulator({ records, port: 0 });
});
afterAll(async () => {
  for (const adapter of adapters) adapter.close();
  await sim.close();
});

function build(create: typeof CreateCardsAdapter, extractMode: 'stream' | 'pages' = 'stream'): CardsAdapter {
  const adapter = create(defaultSystemConfig('CARDS', sim.url), { extractMode, extractPageSize: 7 });
  adapters.push(adapter);
  return adapter;
}

/** Everything a subgraph could get from the adapter: cards, transactions, parties from both extract modes. */
async function everythingFrom(adapter: CardsAdapter, pagedExtract: CardsAdapter): Promise<string> {
  const cards = await adapter.getCards(holders);
  const cardIds = [...cards.values()].flatMap((list) => list ?? []).map((card) => card.cardId);
  const transactions = await Promise.all(cardIds.map((id) => adapter.getCardTransactions(id, { first: 5 })));
  const parties: unknown[] = [];
  for await (const party of adapter.extractParties()) parties.push(party);
  for await (const party of pagedExtract.extractParties()) parties.push(party);
  expect(parties).toHaveLength(2 * records.length);
  return JSON.stringify({ cards: [...cards], transactions, parties });
}

function loadAdapterWithMasking(masking: 'real' | 'removed'): typeof CreateCardsAdapter {
  let create: typeof CreateCardsAdapter | undefined;
  jest.isolateModules(() => {
    if (masking === 'removed') {
      // A copy of the adapter whose masking does nothing: what deleting panMask.ts's rules would ship.
      jest.doMock('./panMask', () => ({ maskPan: (value: string) => value, redactPans: (text: string) => text, containsUnmaskedPan: () => false }));
    }
    // require, not import: a fresh module graph per variant.
    create = (require('./cardsAdapter') as { createCardsAdapter: typeof CreateCardsAdapter }).createCardsAdapter;
  });
  jest.dontMock('./panMask');
  return create!;
}

it('the processor serves full card numbers (so there is something to mask)', async () => {
  const detail = await (await fetch(`${sim.url}/v1/cards?cardholder_ids=${holders.join(',')}`)).text();
  const extract = await (await fetch(`${sim.url}/v1/extracts/cardholders/stream`)).text();
  expect(findLuhnValidCardNumbers(detail).length).toBeGreaterThanOrEqual(holders.length);
  expect(findLuhnValidCardNumbers(extract).length).toBeGreaterThanOrEqual(records.length);
});

it('nothing the adapter returns holds a card number, and each card keeps its BIN and last 4', async () => {
  const create = loadAdapterWithMasking('real');
  const text = await everythingFrom(build(create), build(create, 'pages'));
  expect(findLuhnValidCardNumbers(text)).toEqual([]);
  // Card 1/0 of the test records is 4111110000100003 (cardsTestRecords.ts).
  expect(text).toContain('"maskedPan":"411111******0003"');
  expect(text).not.toContain('4111110000100003');
});

it('with the masking removed, the same scan finds the card numbers: the PCI tests can fail', async () => {
  const create = loadAdapterWithMasking('removed');
  const leaked = findLuhnValidCardNumbers(await everythingFrom(build(create), build(create, 'pages')));
  expect(leaked).toContain('4111110000100003');
  expect(new Set(leaked).size).toBeGreaterThanOrEqual(holders.length);
});

it('a card that reaches a subgraph has no field that could carry the full number', async () => {
  const create = loadAdapterWithMasking('real');
  const cards = await build(create).getCards([cardholderId(1)]);
  expect(Object.keys(cards.get(cardholderId(1))![0]).sort()).toEqual(
    ['balance', 'cardId', 'cardholderId', 'creditLimit', 'expiry', 'maskedPan', 'product', 'status'].sort(),
  );
});

/**
 * Child process of `extractMemory.ts`: the four simulators over a population on disk, each bulk
 * extract streamed from its file (call center: loaded, its extract is paged from memory), so the
 * parent's heap holds only what the adapters hold. Prints one JSON line with the URLs.
 */
import path from 'node:path';
import { loadCallCenterRecords } from '../simulators/call-center/callCenterFiles';
import { startCallCenterSimulator } from '../simulators/call-center/callCenterSimulator';
import { readCardholderFile } from '../simulators/cards/cardholderFile';
import { startCardsSimulator } from '../simulators/cards/cardsSimulator';
import { startCoreBankingSimulator } from '../simulators/core-banking/coreBankingSimulator';
import { readJsonLines } from '../simulators/dataset/readJsonLines';
import type { BusinessPartnerRecord, CoreBankingCustomerRecord } from '../simulators/dataset/records';
import { startErpSimulator } from '../simulators/erp/erpSimulator';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: extractSimulators.ts DATASET_DIR');
  const file = (name: string) => path.join(dir, name);
  const callCenter = await loadCallCenterRecords(dir);
  const sims = await Promise.all([
    startCoreBankingSimulator({ records: [], extractSource: () => readJsonLines<CoreBankingCustomerRecord>(file('core-banking.jsonl')) }),
    startCardsSimulator({ records: [], extractSource: () => readCardholderFile(file('cards.jsonl')), rateLimitPerSecond: 1_000_000 }),
    startErpSimulator({ records: [], extractSource: () => readJsonLines<BusinessPartnerRecord>(file('erp.jsonl')) }),
    startCallCenterSimulator({ contacts: callCenter.contacts, advisors: callCenter.advisors }),
  ]);
  process.stdout.write(`${JSON.stringify({ CORE_BANKING: sims[0].url, CARDS: sims[1].url, ERP: sims[2].url, CALL_CENTER: sims[3].url })}\n`);
  process.once('SIGTERM', () => {
    Promise.all(sims.map((s) => s.close())).then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`simulators failed: ${error.message}`);
  process.exit(1);
});

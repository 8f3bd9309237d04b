/**
 * Child process of `fileSimulators.ts`: one legacy simulator over a population on disk, its bulk
 * extract streamed from its file (the call center: loaded, its extract is paged from memory, and
 * the benches edit its contacts), its by-id lookups serving the records of the first `persons`
 * persons of the truth. Prints one JSON line with its URL; stops on SIGTERM.
 *
 *   tsx bench/fileSimulatorProcess.ts SYSTEM DATASET_DIR PERSONS
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SourceSystem } from '../adapters/canonical';
import { loadCallCenterRecords } from '../simulators/call-center/callCenterFiles';
import { startCallCenterSimulator } from '../simulators/call-center/callCenterSimulator';
import { readCardholderFile } from '../simulators/cards/cardholderFile';
import { startCardsSimulator } from '../simulators/cards/cardsSimulator';
import { startCoreBankingSimulator } from '../simulators/core-banking/coreBankingSimulator';
import { readJsonLines } from '../simulators/dataset/readJsonLines';
import type { Dataset } from '../simulators/dataset/loadDataset';
import type { BusinessPartnerRecord, CardholderRecord, CoreBankingCustomerRecord, MortgageBorrowerRecord, TruePerson } from '../simulators/dataset/records';
import { simulatorModule as mortgageDrop } from '../simulators/mortgages/simulatorModule';
import { startErpSimulator } from '../simulators/erp/erpSimulator';
import type { RunningSimulator } from '../simulators/kit/simulatorServer';

/** The keys of the first `count` persons of the truth file. */
async function firstPersonsKeys(file: string, count: number): Promise<Array<TruePerson['keys']>> {
  const keys: Array<TruePerson['keys']> = [];
  for await (const person of readJsonLines<TruePerson>(file)) {
    keys.push(person.keys);
    if (keys.length === count) break;
  }
  return keys;
}

/** The records of a JSON-lines file whose first field (the id) is in `ids`; only those lines are parsed. */
async function recordsWithIds<T>(file: string, ids: ReadonlySet<string>): Promise<T[]> {
  const found: T[] = [];
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const id = /^\{"\w+":"([^"]*)"/.exec(line)?.[1];
    if (id !== undefined && ids.has(id)) found.push(JSON.parse(line) as T);
  }
  return found;
}

async function start(system: SourceSystem, dir: string, persons: number): Promise<RunningSimulator> {
  const file = (name: string) => path.join(dir, name);
  const keys = await firstPersonsKeys(file('truth.jsonl'), persons);
  const ids = (pick: (k: TruePerson['keys']) => string[]) => new Set(keys.flatMap(pick));
  switch (system) {
    case 'CORE_BANKING':
      return startCoreBankingSimulator({
        records: await recordsWithIds<CoreBankingCustomerRecord>(file('core-banking.jsonl'), ids((k) => k.cifs)),
        extractSource: () => readJsonLines<CoreBankingCustomerRecord>(file('core-banking.jsonl')),
      });
    case 'CARDS':
      return startCardsSimulator({
        records: await recordsWithIds<CardholderRecord>(file('cards.jsonl'), ids((k) => k.cardholderIds)),
        extractSource: () => readCardholderFile(file('cards.jsonl')),
      });
    case 'ERP':
      return startErpSimulator({
        records: await recordsWithIds<BusinessPartnerRecord>(file('erp.jsonl'), ids((k) => k.partnerIds)),
        extractSource: () => readJsonLines<BusinessPartnerRecord>(file('erp.jsonl')),
      });
    case 'CALL_CENTER': {
      const callCenter = await loadCallCenterRecords(dir);
      return startCallCenterSimulator({ contacts: callCenter.contacts, advisors: callCenter.advisors });
    }
    case 'MORTGAGES': {
      // A file drop, so there is nothing to stream: every borrower is written into a temporary
      // drop folder as the nightly full extract (a million persons: ~200,000 borrowers).
      const mortgages: MortgageBorrowerRecord[] = [];
      for await (const record of readJsonLines<MortgageBorrowerRecord>(file('mortgages.jsonl'))) mortgages.push(record);
      return mortgageDrop.start({ dataset: { mortgages } as Dataset, port: 0 });
    }
    default:
      // A system added to the registry needs its case here.
      throw new Error(`no file-backed simulator for ${system}`);
  }
}

async function main(): Promise<void> {
  const [system, dir, persons] = process.argv.slice(2);
  if (!system || !dir || !persons) throw new Error('usage: fileSimulatorProcess.ts SYSTEM DATASET_DIR PERSONS');
  const sim = await start(system as SourceSystem, dir, Number(persons));
  process.stdout.write(`${JSON.stringify({ url: sim.url, port: sim.port })}\n`);
  process.once('SIGTERM', () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  });
}

main().catch((error: Error) => {
  console.error(`simulator failed: ${error.message}`);
  process.exit(1);
});

/**
 * The four simulators over a population on disk, for benches at a million persons, without
 * reading the population whole (parsing 3 GB of JSON into the simulators took 250 to 300 s and
 * several GB of heap): the bulk extracts of core banking, cards and ERP are streamed from their
 * files, the call center is loaded (its extract is paged from memory, and the benches edit its
 * contacts), and the by-id lookups of the other three serve the records of the first
 * `persons` persons of the truth: the ones a bench picks its edits from.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadCallCenterRecords } from '../simulators/call-center/callCenterFiles';
import { startCallCenterSimulator } from '../simulators/call-center/callCenterSimulator';
import { readCardholderFile } from '../simulators/cards/cardholderFile';
import { startCardsSimulator } from '../simulators/cards/cardsSimulator';
import { startCoreBankingSimulator } from '../simulators/core-banking/coreBankingSimulator';
import { readManifest, type Dataset } from '../simulators/dataset/loadDataset';
import { readJsonLines } from '../simulators/dataset/readJsonLines';
import type { BusinessPartnerRecord, CardholderRecord, CoreBankingCustomerRecord, TruePerson } from '../simulators/dataset/records';
import { startErpSimulator } from '../simulators/erp/erpSimulator';
import type { RunningSimulator } from '../simulators/kit/simulatorServer';
import type { RunningSimulators } from '../simulators/startAllSimulators';

/** The first `count` persons of the truth file. */
async function firstPersons(file: string, count: number): Promise<TruePerson[]> {
  const persons: TruePerson[] = [];
  for await (const person of readJsonLines<TruePerson>(file)) {
    persons.push(person);
    if (persons.length === count) break;
  }
  return persons;
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

export async function startFileSimulators(dir: string, persons: number): Promise<{ simulators: RunningSimulators; dataset: Dataset }> {
  const file = (name: string) => path.join(dir, name);
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`${dir} holds no dataset`);
  const truth = await firstPersons(file('truth.jsonl'), persons);
  const keys = (pick: (p: TruePerson) => string[]) => new Set(truth.flatMap(pick));
  const [coreBanking, cards, erp, callCenter] = await Promise.all([
    recordsWithIds<CoreBankingCustomerRecord>(file('core-banking.jsonl'), keys((p) => p.keys.cifs)),
    recordsWithIds<CardholderRecord>(file('cards.jsonl'), keys((p) => p.keys.cardholderIds)),
    recordsWithIds<BusinessPartnerRecord>(file('erp.jsonl'), keys((p) => p.keys.partnerIds)),
    loadCallCenterRecords(dir),
  ]);
  const sims: RunningSimulator[] = await Promise.all([
    startCoreBankingSimulator({ records: coreBanking, port: 0, extractSource: () => readJsonLines<CoreBankingCustomerRecord>(file('core-banking.jsonl')) }),
    startCardsSimulator({ records: cards, port: 0, extractSource: () => readCardholderFile(file('cards.jsonl')) }),
    startErpSimulator({ records: erp, port: 0, extractSource: () => readJsonLines<BusinessPartnerRecord>(file('erp.jsonl')) }),
    startCallCenterSimulator({ contacts: callCenter.contacts, advisors: callCenter.advisors, port: 0 }),
  ]);
  const simulators: RunningSimulators = {
    CORE_BANKING: sims[0],
    CARDS: sims[1],
    ERP: sims[2],
    CALL_CENTER: sims[3],
    close: async () => {
      await Promise.all(sims.map((sim) => sim.close()));
    },
  };
  const dataset: Dataset = { manifest, truth, coreBanking, cards, erp, callCenter: callCenter.contacts, advisors: callCenter.advisors };
  return { simulators, dataset };
}

/**
 * `npx tsx bench/addressDiscrepancies.ts --dataset DIR`
 *
 * How many of the discrepancy report's ADDRESS discrepancies are false, measured against the
 * generator's truth. Each person of the truth is one customer (so matching errors do not
 * blur the figure); the report (subgraphs/identity/discrepancies.ts) runs over the parties the
 * adapters would produce; a reported pair is false when both records hold the person's current
 * true address, judged on the raw records (ERP's split street and house number against the
 * truth's line), never through the normalisation under test.
 */
import { Command } from 'commander';
import { join } from 'node:path';
import type { SourceParty } from '../adapters/canonical';
import { discrepanciesOf } from '../subgraphs/identity/discrepancies';
import { cardsParty, coreBankingParty, erpParty } from '../subgraphs/identity/domain/datasetParties';
import { splitHouseNumber } from '../simulators/dataset/addresses';
import { readJsonLines } from '../simulators/dataset/readJsonLines';
import { DATASET_FILES, type BusinessPartnerRecord, type CardholderRecord, type CoreBankingCustomerRecord, type TrueAddress, type TruePerson } from '../simulators/dataset/records';

interface Held {
  party: SourceParty;
  /** Whether the raw record holds the person's current address exactly as the truth has it. */
  current: boolean;
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? null) === (b ?? null);

/** Line-based systems (core banking, cards) hold line1/line2 as written; the flat (line2) may be missing in ERP only. */
function holdsLines(r: { addressLine1: string | null; addressLine2: string | null; city: string | null; postalCode: string | null }, t: TrueAddress): boolean {
  return same(r.addressLine1, t.line1) && same(r.addressLine2, t.line2) && same(r.city, t.city) && same(r.postalCode, t.postalCode);
}

function erpHolds(r: BusinessPartnerRecord, t: TrueAddress): boolean {
  const split = splitHouseNumber(t.line1);
  return same(r.street, split.street) && same(r.houseNumber, split.houseNumber) && same(r.city, t.city) && same(r.postalCode, t.postalCode);
}

export interface AddressDiscrepancyFigures {
  customers: number;
  reported: number;
  falseReported: number;
  falseRate: number;
}

export async function measureAddressDiscrepancies(dir: string): Promise<AddressDiscrepancyFigures> {
  const truth = new Map<string, TruePerson>();
  const personOf = new Map<string, string>();
  for await (const p of readJsonLines<TruePerson>(join(dir, DATASET_FILES.truth))) {
    truth.set(p.personId, p);
    for (const id of p.keys.cifs) personOf.set(`CORE_BANKING:${id}`, p.personId);
    for (const id of p.keys.cardholderIds) personOf.set(`CARDS:${id}`, p.personId);
    for (const id of p.keys.partnerIds) personOf.set(`ERP:${id}`, p.personId);
  }
  const held = new Map<string, Held[]>();
  const add = (party: SourceParty, current: (t: TrueAddress) => boolean) => {
    const person = personOf.get(`${party.system}:${party.localId}`)!;
    const list = held.get(person) ?? [];
    list.push({ party, current: current(truth.get(person)!.address) });
    held.set(person, list);
  };
  for await (const r of readJsonLines<CoreBankingCustomerRecord>(join(dir, DATASET_FILES.coreBanking))) add(coreBankingParty(r), (t) => holdsLines(r, t));
  for await (const r of readJsonLines<CardholderRecord>(join(dir, DATASET_FILES.cards))) add(cardsParty(r), (t) => holdsLines(r, t));
  for await (const r of readJsonLines<BusinessPartnerRecord>(join(dir, DATASET_FILES.erp))) add(erpParty(r), (t) => erpHolds(r, t));

  let reported = 0;
  let falseReported = 0;
  for (const [person, records] of held) {
    const current = new Map(records.map((h) => [`${h.party.system}:${h.party.localId}`, h.current]));
    for (const d of discrepanciesOf(person, records.map((h) => h.party))) {
      if (d.field !== 'ADDRESS') continue;
      reported++;
      if (current.get(`${d.systemA}:${d.localIdA}`) && current.get(`${d.systemB}:${d.localIdB}`)) falseReported++;
    }
  }
  return { customers: held.size, reported, falseReported, falseRate: reported === 0 ? 0 : falseReported / reported };
}

if (require.main === module) {
  const command = new Command('address-discrepancies')
    .description("Measure the discrepancy report's false ADDRESS discrepancies against a generated dataset's truth.")
    .requiredOption('--dataset <dir>', 'a dataset written by `npm run dataset`');
  command.parse();
  measureAddressDiscrepancies(command.opts<{ dataset: string }>().dataset).then(
    (f) => {
      process.stdout.write(
        `customers ${f.customers}\nreported ADDRESS discrepancies ${f.reported}\nfalse (both records hold the true current address) ${f.falseReported}\n` +
          `false-positive rate ${(100 * f.falseRate).toFixed(2)}%\n`,
      );
    },
    (error: Error) => {
      process.stderr.write(`address-discrepancies: failed: ${error.name}: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}

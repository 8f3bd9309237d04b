/**
 * Generated dataset records -> canonical SourceParty, mirroring what each system's adapter
 * produces from its wire format (so `match:eval --dataset DIR` scores the matcher on the same
 * input the identity subgraph gets in production):
 * - core banking: names split, national id, one phone and email;
 * - cards: the track-1 `SURNAME/GIVEN` name split, and kept as rawName;
 * - ERP: street and house number joined into line1 (`Station Road 12`, SAP order), no birth date;
 * - call center: phone as typed by the agent, no address or birth date.
 */
import { join } from 'node:path';
import type { PostalAddress, SourceParty } from '../../../adapters/canonical';
import { readJsonLines } from '../../../simulators/dataset/readJsonLines';
import { DATASET_FILES } from '../../../simulators/dataset/records';
import type { BusinessPartnerRecord, CardholderRecord, ContactRecord, CoreBankingCustomerRecord } from '../../../simulators/dataset/records';
import { parseTrack1Name } from './nameNormalisation';
import { normaliseParty, type NormalisedParty } from './normalisedParty';

/** Empty text is "not held", as the adapters read it. */
function present(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function list(value: string | null | undefined): string[] {
  const v = present(value);
  return v ? [v] : [];
}

function address(parts: PostalAddress): PostalAddress | null {
  const a: PostalAddress = {
    line1: present(parts.line1),
    line2: present(parts.line2),
    city: present(parts.city),
    postalCode: present(parts.postalCode),
    country: present(parts.country),
  };
  return Object.values(a).some((v) => v !== null) ? a : null;
}

export function coreBankingParty(r: CoreBankingCustomerRecord): SourceParty {
  return {
    system: 'CORE_BANKING',
    localId: r.cif,
    givenName: present(r.givenName),
    familyName: present(r.familyName),
    rawName: null,
    birthDate: r.birthDate,
    nationalId: present(r.nationalId),
    phones: list(r.phone),
    emails: list(r.email),
    address: address({ line1: r.addressLine1, line2: r.addressLine2, city: r.city, postalCode: r.postalCode, country: r.country }),
    changedAt: r.changedAt,
  };
}

export function cardsParty(r: CardholderRecord): SourceParty {
  const rawName = present(r.nameOnCard);
  const split = parseTrack1Name(rawName);
  return {
    system: 'CARDS',
    localId: r.cardholderId,
    givenName: split.given || null,
    familyName: split.family || null,
    rawName,
    birthDate: r.birthDate,
    nationalId: null,
    phones: list(r.phone),
    emails: list(r.email),
    address: address({ line1: r.addressLine1, line2: r.addressLine2, city: r.city, postalCode: r.postalCode, country: r.country }),
    changedAt: r.changedAt,
  };
}

export function erpParty(r: BusinessPartnerRecord): SourceParty {
  const street = [present(r.street), present(r.houseNumber)].filter((v) => v !== null).join(' ');
  return {
    system: 'ERP',
    localId: r.partnerId,
    givenName: present(r.firstName),
    familyName: present(r.lastName),
    rawName: null,
    birthDate: null,
    nationalId: null,
    phones: list(r.phone),
    emails: list(r.email),
    address: address({ line1: street || null, line2: null, city: r.city, postalCode: r.postalCode, country: r.country }),
    changedAt: r.changedAt,
  };
}

export function callCenterParty(r: ContactRecord): SourceParty {
  return {
    system: 'CALL_CENTER',
    localId: r.contactId,
    givenName: present(r.firstName),
    familyName: present(r.lastName),
    rawName: null,
    birthDate: null,
    nationalId: null,
    phones: list(r.phone),
    emails: list(r.email),
    address: null,
    changedAt: r.changedAt,
  };
}

/** Streams every party of a dataset directory, system by system (files are read line by line). */
export async function* datasetParties(dir: string): AsyncIterable<SourceParty> {
  for await (const r of readJsonLines<CoreBankingCustomerRecord>(join(dir, DATASET_FILES.coreBanking))) yield coreBankingParty(r);
  for await (const r of readJsonLines<CardholderRecord>(join(dir, DATASET_FILES.cards))) yield cardsParty(r);
  for await (const r of readJsonLines<BusinessPartnerRecord>(join(dir, DATASET_FILES.erp))) yield erpParty(r);
  for await (const r of readJsonLines<ContactRecord>(join(dir, DATASET_FILES.callCenter))) yield callCenterParty(r);
}

/** Every party of a dataset directory, normalised (what the match commands' --dataset reads). */
export async function datasetNormalisedParties(dir: string): Promise<NormalisedParty[]> {
  const out: NormalisedParty[] = [];
  for await (const party of datasetParties(dir)) out.push(normaliseParty(party));
  return out;
}

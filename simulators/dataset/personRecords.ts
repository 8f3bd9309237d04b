/**
 * Everything the generator writes for one person: the truth line and that person's records in
 * each of the four systems, with the noise applied.
 *
 * A pure function of (seed, person index, noise profile, advisor count): person #17 comes out
 * the same in a population of 200 or of a million, which keeps tests small and the streamed
 * generation free of cross-person state.
 */
import { generateAccounts } from './accounts';
import { splitHouseNumber } from './addresses';
import { generateCards } from './cardAccounts';
import { generateCases, generateInteractions } from './contactHistory';
import { advisorIdFor, cardholderIdFor, cifFor, contactIdFor, partnerIdFor } from './ids';
import { nameOnCard } from './nameOnCard';
import { generateMortgageRecords } from './mortgages';
import { COVERAGE } from './noiseProfile';
import type { NoiseProfile } from './noiseProfile';
import { recordAddress, recordBirthDate, recordEmail, recordName, recordNationalId, recordPhone } from './partyNoise';
import { generatePersonProfile } from './personProfile';
import { generateSalesOrders } from './salesOrders';
import type { PersonProfile } from './personProfile';
import { Random } from './random';
import type {
  BusinessPartnerRecord,
  CardholderRecord,
  ContactRecord,
  CoreBankingCustomerRecord,
  MortgageBorrowerRecord,
  TrueAddress,
  TruePerson,
} from './records';
import { AS_OF_MS, DAY_MS, MINUTE_MS, isoInstant } from './timeline';

export interface PersonRecords {
  truth: TruePerson;
  coreBanking: CoreBankingCustomerRecord[];
  cards: CardholderRecord[];
  erp: BusinessPartnerRecord[];
  callCenter: ContactRecord[];
  mortgages: MortgageBorrowerRecord[];
}

export interface GenerationContext {
  seed: number;
  profile: NoiseProfile;
  advisorCount: number;
  /** The population's size (the last person of an odd population has no joint-borrower partner); default: unbounded. */
  persons?: number;
}

type SystemName = 'coreBanking' | 'cards' | 'erp' | 'callCenter';

/** Systems that keep a postal address (the call center does not). */
const HOLDS_ADDRESS: Readonly<Record<SystemName, boolean>> = { coreBanking: true, cards: true, erp: true, callCenter: false };

interface Slot {
  system: SystemName;
  /** 0 for the person's first record in the system, 1 for a duplicate. */
  dup: 0 | 1;
  changedAtMs: number;
  /** Which contact detail this record still holds from before the person changed it. */
  stale: 'address' | 'email' | null;
  /** The most recently changed record holding email (resp. address) must hold the current one. */
  keepEmail: boolean;
  keepAddress: boolean;
}

function newSlot(system: SystemName, dup: 0 | 1, rng: Random): Slot {
  return { system, dup, changedAtMs: AS_OF_MS - rng.int(60, 730 * 24 * 60) * MINUTE_MS, stale: null, keepEmail: false, keepAddress: false };
}

function newestOf(candidates: readonly Slot[]): Slot | undefined {
  let best: Slot | undefined;
  for (const s of candidates) if (best === undefined || s.changedAtMs > best.changedAtMs) best = s;
  return best;
}

/** The person's records: which systems, duplicates, when each last changed, which one is stale. */
function planSlots(rng: Random, profile: NoiseProfile): Slot[] {
  const systems: SystemName[] = ['coreBanking'];
  if (rng.chance(COVERAGE.cards)) systems.push('cards');
  if (rng.chance(COVERAGE.erp)) systems.push('erp');
  if (rng.chance(COVERAGE.callCenter)) systems.push('callCenter');
  const slots: Slot[] = [];
  for (const system of systems) {
    slots.push(newSlot(system, 0, rng));
    if (rng.chance(profile.duplicate)) slots.push(newSlot(system, 1, rng));
  }

  if (slots.length >= 2 && rng.chance(profile.staleContact)) {
    const kind = rng.chance(0.5) ? 'address' : 'email';
    const holders = kind === 'address' ? slots.filter((s) => HOLDS_ADDRESS[s.system]) : slots;
    // Someone else must hold the current value, so at least two records must carry the field.
    if (holders.length >= 2) {
      const stale = rng.pick(holders);
      let oldest = Infinity;
      for (const s of slots) if (s !== stale && s.changedAtMs < oldest) oldest = s.changedAtMs;
      stale.stale = kind;
      stale.changedAtMs = oldest - rng.int(30, 1000) * DAY_MS;
    }
  }

  const newestEmail = newestOf(slots);
  if (newestEmail) newestEmail.keepEmail = true;
  const newestAddress = newestOf(slots.filter((s) => HOLDS_ADDRESS[s.system]));
  if (newestAddress) newestAddress.keepAddress = true;
  return slots;
}

/** Per-record draws shared by the four systems: name, contact details and which are missing. */
interface RecordedParty {
  given: string;
  family: string;
  email: string | null;
  phone: string | null;
  address: TrueAddress | null;
  birthDate: string | null;
}

function recordParty(person: PersonProfile, slot: Slot, rng: Random, profile: NoiseProfile): RecordedParty {
  const { truth } = person;
  const name = recordName(truth.givenName, truth.familyName, rng, profile);
  const p = profile.missingField;

  // The reliable identifier this record keeps (see NoiseProfile.protectAnchors): core banking
  // has the national id; the call center is keyed by phone; cards and ERP keep a true email or
  // phone (the phone when the email is the stale one).
  let anchor: 'email' | 'phone' | null = null;
  if (profile.protectAnchors && slot.system !== 'coreBanking') {
    anchor = slot.system === 'callCenter' || slot.stale === 'email' ? 'phone' : rng.chance(0.5) ? 'email' : 'phone';
  }

  const emailValue = slot.stale === 'email' ? person.previousEmail : truth.email;
  const emailMissing = rng.chance(p) && anchor !== 'email' && !slot.keepEmail;
  const email = emailMissing ? null : recordEmail(emailValue, rng, profile);

  const phoneMissing = rng.chance(p) && anchor !== 'phone' && slot.system !== 'callCenter';
  const phone = phoneMissing ? null : recordPhone(truth.mobilePhone, rng, profile);

  const addressMissing = rng.chance(p) && !slot.keepAddress && !(profile.protectAnchors && slot.system === 'coreBanking');
  const address = addressMissing ? null : slot.stale === 'address' ? person.previousAddress : truth.address;

  const birthDateMissing = rng.chance(p) && !(profile.protectAnchors && slot.system === 'coreBanking');
  // Keying errors (partyNoise.ts): the protected anchors stay true.
  const protectedCore = profile.protectAnchors && slot.system === 'coreBanking';
  const birthDate = birthDateMissing ? null : recordBirthDate(truth.birthDate, rng, profile, protectedCore);
  const recordedAddress = address && HOLDS_ADDRESS[slot.system] ? recordAddress(address, rng, profile, profile.protectAnchors && slot.keepAddress) : address;
  return { given: name.given, family: name.family, email, phone, address: recordedAddress, birthDate };
}

export function generatePersonRecords(index: number, ctx: GenerationContext): PersonRecords {
  const { profile } = ctx;
  const rng = Random.forStream(ctx.seed, index);
  const person = generatePersonProfile(rng, index);
  const slots = planSlots(rng, profile);
  const advisorIndex = rng.chance(0.9) ? rng.int(0, ctx.advisorCount - 1) : null;

  const out: PersonRecords = {
    truth: { ...person.truth, keys: { cifs: [], cardholderIds: [], partnerIds: [], contactIds: [], borrowerIds: [] } },
    coreBanking: [],
    cards: [],
    erp: [],
    callCenter: [],
    mortgages: [],
  };
  const { keys } = out.truth;

  for (const slot of slots) {
    const party = recordParty(person, slot, rng, profile);
    const changedAt = isoInstant(slot.changedAtMs);
    const isDuplicate = slot.dup === 1;
    const a = party.address;
    switch (slot.system) {
      case 'coreBanking': {
        const cif = cifFor(index, slot.dup);
        keys.cifs.push(cif);
        const nationalIdMissing = !profile.protectAnchors && rng.chance(profile.missingField);
        const incomeMissing = rng.chance(profile.missingField);
        out.coreBanking.push({
          cif,
          givenName: party.given,
          familyName: party.family,
          birthDate: party.birthDate,
          nationalId: nationalIdMissing ? null : recordNationalId(person.truth.nationalId, rng, profile),
          addressLine1: a ? a.line1 : null,
          addressLine2: a ? a.line2 : null,
          city: a ? a.city : null,
          postalCode: a ? a.postalCode : null,
          country: a ? a.country : null,
          phone: party.phone,
          email: party.email,
          incomeMinor: incomeMissing ? null : person.truth.incomeMinor,
          changedAt,
          accounts: generateAccounts(index, slot.dup, rng, isDuplicate),
        });
        break;
      }
      case 'cards': {
        const cardholderId = cardholderIdFor(index, slot.dup);
        keys.cardholderIds.push(cardholderId);
        out.cards.push({
          cardholderId,
          nameOnCard: nameOnCard(party.given, party.family),
          birthDate: party.birthDate,
          email: party.email,
          phone: party.phone,
          addressLine1: a ? a.line1 : null,
          addressLine2: a ? a.line2 : null,
          city: a ? a.city : null,
          postalCode: a ? a.postalCode : null,
          country: a ? a.country : null,
          changedAt,
          cards: generateCards(index, slot.dup, rng, isDuplicate),
        });
        break;
      }
      case 'erp': {
        const partnerId = partnerIdFor(index, slot.dup);
        keys.partnerIds.push(partnerId);
        const street = a ? splitHouseNumber(a.line1) : null;
        out.erp.push({
          partnerId,
          firstName: party.given,
          lastName: party.family,
          email: party.email,
          phone: party.phone,
          street: street ? street.street : null,
          houseNumber: street ? street.houseNumber : null,
          city: a ? a.city : null,
          postalCode: a ? a.postalCode : null,
          country: a ? a.country : null,
          changedAt,
          orders: generateSalesOrders(index, slot.dup, rng, isDuplicate),
        });
        break;
      }
      case 'callCenter': {
        const contactId = contactIdFor(index, slot.dup);
        keys.contactIds.push(contactId);
        // Agents sometimes file a contact under the phone alone (harsh noise only).
        const firstNameMissing = !profile.protectAnchors && rng.chance(profile.missingField);
        out.callCenter.push({
          contactId,
          firstName: firstNameMissing ? null : party.given,
          lastName: party.family,
          // recordParty never drops the call center's phone: it is the contact's key.
          phone: party.phone as string,
          email: party.email,
          advisorId: advisorIndex === null ? null : advisorIdFor(advisorIndex),
          changedAt,
          interactions: generateInteractions(contactId, rng, isDuplicate),
          cases: generateCases(contactId, rng, isDuplicate),
        });
        break;
      }
    }
  }
  // Mortgages draw from streams of their own (simulators/dataset/mortgages.ts): the records above are unchanged by them.
  out.mortgages = generateMortgageRecords(index, out.truth, { seed: ctx.seed, profile, persons: ctx.persons ?? Number.MAX_SAFE_INTEGER });
  for (const borrower of out.mortgages) keys.borrowerIds.push(borrower.borrowerId);
  return out;
}

/**
 * One person of the population: the ground truth (what truth.jsonl holds, minus the source
 * keys) and the out-of-date contact details some system may still hold.
 */
import { generateAddress } from './addresses';
import { mobileFor, nationalIdFor } from './ids';
import {
  DIACRITIC_FAMILY_NAMES,
  DIACRITIC_GIVEN_NAMES,
  DIACRITIC_NAME_SHARE,
  ENGLISH_FAMILY_NAMES,
  ENGLISH_GIVEN_NAMES,
} from './names';
import { stripDiacritics } from './noise';
import type { Random } from './random';
import type { TrueAddress, TruePerson } from './records';
import { AS_OF_MS, DAY_MS, isoDate } from './timeline';

export interface PersonProfile {
  truth: Omit<TruePerson, 'keys'>;
  /** The email the person used before the current one. */
  previousEmail: string;
  /** Where the person lived before moving to the current address. */
  previousAddress: TrueAddress;
}

const EMAIL_DOMAINS = ['example.com', 'example.co.uk', 'mail.example.org', 'example.net'];

function emailLocalPart(value: string): string {
  return stripDiacritics(value).toLowerCase().replace(/[^a-z]/g, '');
}

/** Box-Muller: a standard normal draw (incomes are log-normal). */
function normal(rng: Random): number {
  const u = 1 - rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
}

/** A number unique to the person, so two persons never share an email address. */
function emailNumber(index: number): number {
  return (index * 7_368_787 + 421) % 10_000_019;
}

export function generatePersonProfile(rng: Random, index: number): PersonProfile {
  const givenName = rng.chance(DIACRITIC_NAME_SHARE) ? rng.pick(DIACRITIC_GIVEN_NAMES) : rng.pick(ENGLISH_GIVEN_NAMES);
  const familyName = rng.chance(DIACRITIC_NAME_SHARE) ? rng.pick(DIACRITIC_FAMILY_NAMES) : rng.pick(ENGLISH_FAMILY_NAMES);
  // Adults aged 18 to 90 at AS_OF.
  const birthMs = AS_OF_MS - rng.int(18 * 365 + 5, 90 * 365) * DAY_MS;
  const g = emailLocalPart(givenName);
  const f = emailLocalPart(familyName);
  const n = emailNumber(index);
  const email = `${rng.pick([`${g}.${f}${n}`, `${g.slice(0, 1)}${f}${n}`, `${f}.${g}${n}`])}@${rng.pick(EMAIL_DOMAINS)}`;
  const previousEmail = `${g}${f}${n}@oldmail.example.net`;
  const address = generateAddress(rng);
  const previousAddress = generateAddress(rng);
  // Median around £32k a year, whole pounds, in pence.
  const incomePounds = Math.min(2_000_000, Math.max(8_000, Math.round(Math.exp(10.37 + 0.55 * normal(rng)))));
  return {
    truth: {
      personId: 'P' + String(index + 1).padStart(7, '0'),
      givenName,
      familyName,
      birthDate: isoDate(birthMs),
      nationalId: nationalIdFor(index),
      email,
      mobilePhone: mobileFor(index),
      address,
      incomeMinor: incomePounds * 100,
    },
    previousEmail,
    previousAddress,
  };
}

/**
 * The mortgage servicing system's records of a person: a share of the population has a mortgage,
 * and some loans are joint (one loan, two borrowers, two customers).
 *
 * Joint borrowers are neighbours in the population: persons 2k and 2k+1 form "household" k, whose
 * plan (a joint loan or not, an own loan each or not) is drawn from the household's own random
 * stream, so both persons read the same plan without any state shared between them and each person
 * still comes out the same whatever the population's size (except that the last person of an odd
 * population has no partner). The draws use streams of their own: adding mortgages changed no
 * other system's records.
 */
import { borrowerIdFor, mortgageLoanIdFor } from './ids';
import type { NoiseProfile } from './noiseProfile';
import { recordAddress, recordBirthDate, recordEmail, recordName, recordPhone } from './partyNoise';
import { Random } from './random';
import type { MortgageBorrowerRecord, MortgageLoanRecord, TruePerson } from './records';
import { AS_OF_MS, DAY_MS, MINUTE_MS, isoInstant } from './timeline';

/** Share of households with one joint loan, and of persons with a loan of their own. */
export const MORTGAGE_SHARES = { jointHousehold: 0.1, ownLoan: 0.12 } as const;

// Stream seeds of their own (a fixed salt on the dataset seed), apart from the persons' streams.
const HOUSEHOLD_SALT = 0x6d6f7274; // 'mort'
const LOAN_SALT = 0x6c6f616e; // 'loan'
const BORROWER_SALT = 0x626f7272; // 'borr'

export interface HouseholdPlan {
  joint: boolean;
  /** An own (single-borrower) loan of the household's first, resp. second, person. */
  own: [boolean, boolean];
}

/** The mortgage plan of household k (persons 2k and 2k+1); `persons` bounds the population. */
export function householdPlan(seed: number, household: number, persons: number): HouseholdPlan {
  const rng = Random.forStream(seed ^ HOUSEHOLD_SALT, household);
  const joint = rng.chance(MORTGAGE_SHARES.jointHousehold);
  const own: [boolean, boolean] = [rng.chance(MORTGAGE_SHARES.ownLoan), rng.chance(MORTGAGE_SHARES.ownLoan)];
  // The last person of an odd population has no partner: no joint loan, no second person.
  if (2 * household + 1 >= persons) return { joint: false, own: [own[0], false] };
  return { joint, own };
}

const RATE_TYPES = [
  ['FIXED', 6],
  ['TRACKER', 2],
  ['VARIABLE', 2],
] as const;

function generateLoan(seed: number, person: number, slot: 0 | 1, borrowerIds: string[]): MortgageLoanRecord {
  const rng = Random.forStream(seed ^ LOAN_SALT, person * 2 + slot);
  const principalMinor = rng.int(60_000, 650_000) * 100;
  const termYears = rng.pick([20, 25, 30, 35]);
  const yearsIn = rng.int(0, termYears - 1);
  const remaining = 1 - yearsIn / termYears;
  const closed = rng.chance(0.05);
  // A closed loan keeps the balance it had when it was redeemed (the files show 0 once it is closed).
  const balanceMinor = Math.round(principalMinor * remaining * (0.9 + rng.float() * 0.1));
  // Roughly an annuity at 4.5 %: a plausible figure, not a rate calculation.
  const monthlyPaymentMinor = Math.round((principalMinor * (0.045 / 12)) / (1 - Math.pow(1 + 0.045 / 12, -termYears * 12)));
  const maturity = new Date(AS_OF_MS + (termYears - yearsIn) * 365 * DAY_MS).toISOString().slice(0, 10);
  const missedPayments = closed ? 0 : rng.weighted<number>([
    [0, 90],
    [rng.int(1, 2), 6],
    [rng.int(3, 5), 3],
    [rng.int(6, 9), 1],
  ]);
  return {
    loanId: mortgageLoanIdFor(person, slot),
    borrowerIds,
    currency: 'GBP',
    balanceMinor,
    monthlyPaymentMinor,
    paymentDay: rng.int(1, 28),
    rateType: rng.weighted(RATE_TYPES),
    maturityDate: maturity,
    missedPayments,
    status: closed ? 'CLOSED' : 'OPEN',
    changedAt: isoInstant(AS_OF_MS - rng.int(60, 200 * 24 * 60) * MINUTE_MS),
  };
}

/**
 * The borrower record of person `index` (with the loans it is the primary borrower of), or none
 * when the person has no mortgage. `truth` is the person's truth line (its keys are completed here).
 */
export function generateMortgageRecords(index: number, truth: TruePerson, ctx: { seed: number; profile: NoiseProfile; persons: number }): MortgageBorrowerRecord[] {
  const household = Math.floor(index / 2);
  const second = index % 2 === 1;
  const plan = householdPlan(ctx.seed, household, ctx.persons);
  const ownLoan = plan.own[second ? 1 : 0];
  if (!plan.joint && !ownLoan) return [];

  const borrowerId = borrowerIdFor(index);
  const loans: MortgageLoanRecord[] = [];
  // The household's first person is the joint loan's primary borrower.
  if (plan.joint && !second) loans.push(generateLoan(ctx.seed, index, 0, [borrowerId, borrowerIdFor(index + 1)]));
  if (ownLoan) loans.push(generateLoan(ctx.seed, index, 1, [borrowerId]));

  const rng = Random.forStream(ctx.seed ^ BORROWER_SALT, index);
  const { profile } = ctx;
  const name = recordName(truth.givenName, truth.familyName, rng, profile);
  // The servicing system holds what the application form said, years ago: often an old address.
  const address = recordAddress(truth.address, rng, profile, false);
  const missing = () => rng.chance(profile.missingField);
  return [
    {
      borrowerId,
      givenName: name.given,
      familyName: name.family,
      birthDate: missing() ? null : recordBirthDate(truth.birthDate, rng, profile, false),
      addressLine1: address.line1,
      addressLine2: address.line2,
      city: address.city,
      postalCode: address.postalCode,
      country: address.country,
      phone: missing() ? null : recordPhone(truth.mobilePhone, rng, profile),
      email: missing() ? null : recordEmail(truth.email, rng, profile),
      changedAt: isoInstant(AS_OF_MS - rng.int(60, 900 * 24 * 60) * MINUTE_MS),
      loans,
    },
  ];
}

/**
 * How often each noise kind strikes, per noise level. simulators/README.md documents this
 * table; keep the two in step.
 *
 * The default level is tuned so a good matcher can still reach precision 0.995 / recall 0.98:
 * every record keeps at least one reliable identifier (see `protectAnchors`). The harsh level
 * roughly doubles every rate and drops that guarantee.
 */
export type NoiseLevel = 'default' | 'harsh';
export const NOISE_LEVELS: readonly NoiseLevel[] = ['default', 'harsh'];

export interface NoiseProfile {
  /** Per record, for given names that have nicknames: the record holds a nickname. */
  nickname: number;
  /** Per record: one or two keying errors in the given or family name. */
  typo: number;
  /** Per record: given and family names swapped. */
  swappedNames: number;
  /** Per record: the phone is not in E.164 but in another national/international format. */
  phoneFormat: number;
  /** Per person holding two or more records: one record keeps an out-of-date address or email. */
  staleContact: number;
  /** Per optional field per record: the field is null. */
  missingField: number;
  /** Per record: names (and email) in upper or lower case. */
  caseChange: number;
  /** Per record whose names carry diacritics: stored stripped to ASCII. */
  diacriticsStripped: number;
  /** Per record: a second record of the same person with another local id. */
  duplicate: number;
  /**
   * Per record holding a birth date: the date as keyed wrongly: one digit wrong or two swapped,
   * day and month swapped, or a wholly different date (in roughly equal parts).
   */
  birthDateError: number;
  /** Per core-banking record: one keying error in the national id's digits (harsh only: the default level keeps core banking's ids true). */
  nationalIdTypo: number;
  /**
   * Per record: the family name is another one altogether (a maiden or married name, or a
   * value replaced at entry). Counts as a letter-changing edit of the name.
   */
  familyNameReplaced: number;
  /** Per record holding an address: the house number replaced, or one keying error in the postcode. */
  addressError: number;
  /**
   * Whether every record keeps a reliable identifier: core banking its national id and birth
   * date, the other systems a true email or phone, together with a close name or birth date;
   * and the most recently changed record holding an address holds it without keying errors.
   */
  protectAnchors: boolean;
}

export const NOISE_PROFILES: Readonly<Record<NoiseLevel, NoiseProfile>> = {
  default: {
    nickname: 0.1,
    typo: 0.04,
    swappedNames: 0.01,
    phoneFormat: 0.5,
    staleContact: 0.1,
    missingField: 0.04,
    caseChange: 0.05,
    diacriticsStripped: 0.35,
    duplicate: 0.02,
    birthDateError: 0.02,
    nationalIdTypo: 0,
    familyNameReplaced: 0.01,
    addressError: 0.02,
    protectAnchors: true,
  },
  harsh: {
    nickname: 0.2,
    typo: 0.08,
    swappedNames: 0.02,
    phoneFormat: 0.9,
    staleContact: 0.2,
    missingField: 0.08,
    caseChange: 0.1,
    diacriticsStripped: 0.7,
    duplicate: 0.04,
    birthDateError: 0.05,
    nationalIdTypo: 0.03,
    familyNameReplaced: 0.02,
    addressError: 0.05,
    protectAnchors: false,
  },
};

/** Share of persons present in each system (core banking holds everyone: it is the KYC master). */
export const COVERAGE = {
  coreBanking: 1,
  cards: 0.6,
  erp: 0.25,
  callCenter: 0.5,
} as const;

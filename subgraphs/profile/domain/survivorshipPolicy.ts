import type { SourceSystem } from '../../../adapters/canonical';
import { systemsBySurvivorshipRank } from '../../../systems/registry';

/**
 * The survivorship policy: for each golden field, the rules tried in order. Each rule narrows
 * the candidates; the first rule that leaves a single value decides, and is named in the
 * provenance. When every rule has run and values still tie, the source priority breaks the tie.
 *
 * Why these defaults (data stewards: change the rules here, each system's rank in its registry entry, systems/registry.ts):
 * - name, birth date, national id: the core-banking record is KYC'd (checked against an identity
 *   document at onboarding), so it wins whenever it holds the field; the other systems' values
 *   come from self-service forms, agents typing, or embossing limits (cards truncate at 26).
 *   Before that, a name whose given name is a nickname of another record's given name (call
 *   center "RICK SHAH" beside "Richard Shah") steps aside: the legal form is what the bank
 *   writes to a customer, whichever system happens to hold it.
 * - email and mobile: they change, and customers update them where they last interacted; the
 *   most recently changed record wins, then the value most systems agree on.
 * - address: most recent, taken whole from one record (never line 1 from one system and the
 *   postcode from another), then the most complete, then source priority.
 */
export type SurvivorshipRule = 'LEGAL_NAME_OVER_NICKNAME' | 'SOURCE_PRIORITY' | 'MOST_RECENT' | 'MOST_FREQUENT' | 'MOST_COMPLETE';

export interface FieldPolicy {
  rules: SurvivorshipRule[];
  sourcePriority: SourceSystem[];
}

export type GoldenFieldName = 'fullName' | 'birthDate' | 'nationalId' | 'email' | 'mobilePhone' | 'address';

// The source priorities are each system's ranks in its registry entry (systems/registry.ts).
const KYC_FIRST: SourceSystem[] = systemsBySurvivorshipRank('kyc');
const CONTACT_FIRST: SourceSystem[] = systemsBySurvivorshipRank('contact');

export const DEFAULT_SURVIVORSHIP_POLICY: Record<GoldenFieldName, FieldPolicy> = {
  fullName: { rules: ['LEGAL_NAME_OVER_NICKNAME', 'SOURCE_PRIORITY', 'MOST_COMPLETE'], sourcePriority: KYC_FIRST },
  birthDate: { rules: ['SOURCE_PRIORITY', 'MOST_FREQUENT'], sourcePriority: KYC_FIRST },
  nationalId: { rules: ['SOURCE_PRIORITY'], sourcePriority: KYC_FIRST },
  email: { rules: ['MOST_RECENT', 'MOST_FREQUENT'], sourcePriority: CONTACT_FIRST },
  mobilePhone: { rules: ['MOST_RECENT', 'MOST_FREQUENT'], sourcePriority: CONTACT_FIRST },
  address: { rules: ['MOST_RECENT', 'MOST_COMPLETE', 'SOURCE_PRIORITY'], sourcePriority: KYC_FIRST },
};

/**
 * The one registry of the legacy source systems behind the graph. Every list of systems in the
 * product derives from this one (canonical types, the `SourceSystem` enum and `SourceLinks`
 * fields the SDLs are checked against, the crosswalk's key fields, metrics labels, cache
 * policies, audit field classes, discrepancy and survivorship orders, console labels, the
 * subgraph list, the stack's and simulators' start lists). `systems/registry.test.ts` fails when
 * a list of systems is written anywhere else.
 *
 * Adding a system: append one entry here, then its own folders (adapters/<slug>,
 * simulators/<slug>, subgraphs/<slug>, schema/<slug>.graphql); docs/adapters.md walks through it.
 *
 * The ORDER of the entries is data too, and is never changed for existing systems (append only):
 * it is the stable order in which discrepancies are reported and survivorship ties are broken,
 * and the anchor preference that gives a cluster its customer id (core banking, the KYC'd
 * master, first). Reordering would change stored customer ids' anchors and report orders.
 *
 * Pure data with no imports: the browser console bundles it too.
 */

/** The wire dialect a system speaks (the scaffold picks a codec template by it). */
export type SystemDialect = 'fixed-width' | 'rest' | 'odata' | 'soap' | 'file-drop';

/** A class of sensitive data, as the gateway's field policy and audit trail name them. */
export type SystemFieldClass = 'PII' | 'FINANCIAL';

export interface SystemEntry {
  /**
   * The enum spelling: the `SourceSystem` value, the prefix of its environment variables
   * (`CALL_CENTER_URL`), its metrics label and the prefix of its source keys (`CALL_CENTER:C…`).
   */
  readonly name: string;
  /** Kebab case: its folders (adapters/<slug>, simulators/<slug>, subgraphs/<slug>), subgraph name and SDL file. */
  readonly slug: string;
  /** Camel case: its adapter's field in the cache layer and its record set in the dataset. */
  readonly handle: string;
  /** What people read (console, reports). */
  readonly label: string;
  /** The description of its `SourceSystem` enum value in the SDLs. */
  readonly description: string;
  readonly dialect: SystemDialect;
  /** Its local record key: the singular name, the crosswalk field (`SourceLinks.<links>`), its form. */
  readonly localKey: {
    readonly name: string;
    readonly links: string;
    readonly pattern: RegExp;
    /** The description of its `SourceLinks` field in the SDLs. */
    readonly description: string;
  };
  /** Default ports on loopback (each overridable by environment). */
  readonly ports: { readonly subgraph: number; readonly simulator: number };
  /**
   * Its default cache policy where it differs from the product's (adapters/cache/cacheConfig.ts);
   * the environment (`<NAME>_CACHE_TTL_MS`, `CACHE_TTL_MS`) overrides both.
   */
  readonly cache?: { readonly ttlMs?: number; readonly maxStaleMs?: number; readonly notFoundTtlMs?: number };
  /**
   * Survivorship source priority, 0 first, per group of golden fields
   * (subgraphs/profile/domain/survivorshipPolicy.ts says which field is in which group):
   * `kyc` for the legal identity (name, birth date, national id, address), `contact` for the
   * contact details (email, mobile).
   */
  readonly survivorshipRank: { readonly kyc: number; readonly contact: number };
  /** Its `Customer` fields holding its party records: the best one, and all of them (what profile @requires). */
  readonly records: { readonly party: string; readonly all: string };
  /**
   * Its other `Customer` fields that expose sensitive data, with their class, for the audit trail
   * (its party records are always personal data, PII).
   */
  readonly sensitiveFields: Readonly<Record<string, SystemFieldClass>>;
}

export const SYSTEM_REGISTRY = [
  {
    name: 'CORE_BANKING',
    slug: 'core-banking',
    handle: 'coreBanking',
    label: 'Core banking',
    description: "Core banking (mainframe): KYC'd customers, accounts, transactions.",
    dialect: 'fixed-width',
    localKey: { name: 'cif', links: 'cifs', pattern: /^\d{10}$/, description: 'Core-banking customer numbers (CIF, 10 digits).' },
    ports: { subgraph: 4002, simulator: 4101 },
    survivorshipRank: { kyc: 0, contact: 1 },
    records: { party: 'coreBankingParty', all: 'coreBankingRecords' },
    sensitiveFields: { accounts: 'FINANCIAL' },
  },
  {
    name: 'CARDS',
    slug: 'cards',
    handle: 'cards',
    label: 'Cards',
    description: 'Card processor: cardholders, cards, card transactions.',
    dialect: 'rest',
    localKey: { name: 'cardholderId', links: 'cardholderIds', pattern: /^CH\d{8}$/, description: 'Card processor cardholder ids (`CH` + 8 digits).' },
    ports: { subgraph: 4003, simulator: 4102 },
    survivorshipRank: { kyc: 1, contact: 2 },
    records: { party: 'cardholder', all: 'cardholderRecords' },
    sensitiveFields: { cards: 'FINANCIAL' },
  },
  {
    name: 'ERP',
    slug: 'erp',
    handle: 'erp',
    label: 'ERP',
    description: 'ERP: business partners and sales orders.',
    dialect: 'odata',
    localKey: { name: 'partnerId', links: 'partnerIds', pattern: /^1\d{9}$/, description: 'ERP business partner numbers (10 digits).' },
    ports: { subgraph: 4004, simulator: 4103 },
    survivorshipRank: { kyc: 2, contact: 3 },
    records: { party: 'erpPartner', all: 'erpPartnerRecords' },
    sensitiveFields: { salesOrders: 'FINANCIAL' },
  },
  {
    name: 'CALL_CENTER',
    slug: 'call-center',
    handle: 'callCenter',
    label: 'Call center',
    description: 'Call center: contacts, interactions, complaint cases, advisors.',
    dialect: 'soap',
    localKey: { name: 'contactId', links: 'contactIds', pattern: /^C\d{9}$/, description: 'Call-center contact ids (`C` + 9 digits).' },
    ports: { subgraph: 4005, simulator: 4104 },
    // Customers update their email and mobile where they last talked to the bank: the call center.
    survivorshipRank: { kyc: 3, contact: 0 },
    records: { party: 'callCenterContact', all: 'callCenterRecords' },
    sensitiveFields: { interactions: 'PII', openCases: 'PII', appointments: 'PII' },
  },
  {
    name: 'MORTGAGES',
    slug: 'mortgages',
    handle: 'mortgages',
    label: 'Mortgages',
    description: 'Mortgage servicing (batch only: a nightly extract and a daily delta file): borrowers and their loans.',
    // No online interface: the adapter ingests the files dropped into a folder into its own store.
    dialect: 'file-drop',
    localKey: { name: 'borrowerId', links: 'borrowerIds', pattern: /^MB\d{8}$/, description: 'Mortgage servicing borrower ids (`MB` + 8 digits).' },
    ports: { subgraph: 4009, simulator: 4105 },
    // Last in both groups: its borrower records are copied from the application forms of a loan
    // taken out years ago, and it is batch data (a day old at best).
    survivorshipRank: { kyc: 4, contact: 4 },
    records: { party: 'mortgageBorrower', all: 'mortgageBorrowerRecords' },
    sensitiveFields: { mortgages: 'FINANCIAL' },
  },
] as const satisfies readonly SystemEntry[];

type Registry = typeof SYSTEM_REGISTRY;
type Entry = Registry[number];

/** `CORE_BANKING` | `CARDS` | ...: the canonical model's `SourceSystem`. */
export type SourceSystemName = Entry['name'];
/** `cifs` | `cardholderIds` | ...: the crosswalk's fields. */
export type LinksField = Entry['localKey']['links'];
/** `coreBanking` | `cards` | ...: the systems' handles. */
export type SystemHandle = Entry['handle'];
/** `core-banking` | `cards` | ...: the systems' folder and subgraph names. */
export type SystemSlug = Entry['slug'];
/** The entry of one system, with its literal types. */
export type SystemOf<N extends SourceSystemName> = Extract<Entry, { name: N }>;
/** The entry whose handle is H. */
export type SystemWithHandle<H extends SystemHandle> = Extract<Entry, { handle: H }>;

/** The systems' names in registry order. */
export const SYSTEM_NAMES: readonly SourceSystemName[] = SYSTEM_REGISTRY.map((entry) => entry.name);

const BY_NAME = new Map<string, Entry>(SYSTEM_REGISTRY.map((entry) => [entry.name, entry]));

/** A system's entry by its enum name. */
export function systemEntry<N extends SourceSystemName>(name: N): SystemOf<N> {
  return BY_NAME.get(name) as SystemOf<N>;
}

/** True when `value` names a registered system (untrusted input: a GraphQL argument, a bus message). */
export function isSourceSystemName(value: unknown): value is SourceSystemName {
  return typeof value === 'string' && BY_NAME.has(value);
}

/** The registry order of a system (0 first), or the registry's length for an unknown name. */
export function registryRank(name: string): number {
  const index = SYSTEM_NAMES.indexOf(name as SourceSystemName);
  return index < 0 ? SYSTEM_NAMES.length : index;
}

/** The systems' names ordered by a survivorship group's rank. */
export function systemsBySurvivorshipRank(group: keyof SystemEntry['survivorshipRank']): SourceSystemName[] {
  return [...SYSTEM_REGISTRY].sort((a, b) => a.survivorshipRank[group] - b.survivorshipRank[group]).map((entry) => entry.name);
}

/** A record per system, built from each entry (`Record<SourceSystemName, T>` with every key present). */
export function perSystem<T>(value: (entry: Entry) => T): Record<SourceSystemName, T> {
  return Object.fromEntries(SYSTEM_REGISTRY.map((entry) => [entry.name, value(entry)])) as Record<SourceSystemName, T>;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appendRegistryEntry, newRegistryEntry, nextFreePort, registryEntrySource, type ExistingEntry } from './registryEntry';
import { ScaffoldError } from './scaffoldErrors';
import { deriveSystemNames } from './systemNames';

/** The four original systems as the registry holds them (by hand: not read from the registry). */
const FOUR: ExistingEntry[] = [
  { name: 'CORE_BANKING', slug: 'core-banking', handle: 'coreBanking', label: 'Core banking', localKey: { name: 'cif', links: 'cifs' }, records: { party: 'coreBankingParty', all: 'coreBankingRecords' }, ports: { subgraph: 4002, simulator: 4101 } },
  { name: 'CARDS', slug: 'cards', handle: 'cards', label: 'Cards', localKey: { name: 'cardholderId', links: 'cardholderIds' }, records: { party: 'cardholder', all: 'cardholderRecords' }, ports: { subgraph: 4003, simulator: 4102 } },
  { name: 'ERP', slug: 'erp', handle: 'erp', label: 'ERP', localKey: { name: 'partnerId', links: 'partnerIds' }, records: { party: 'erpPartner', all: 'erpPartnerRecords' }, ports: { subgraph: 4004, simulator: 4103 } },
  { name: 'CALL_CENTER', slug: 'call-center', handle: 'callCenter', label: 'Call center', localKey: { name: 'contactId', links: 'contactIds' }, records: { party: 'callCenterContact', all: 'callCenterRecords' }, ports: { subgraph: 4005, simulator: 4104 } },
];
const MORTGAGES: ExistingEntry = { name: 'MORTGAGES', slug: 'mortgages', handle: 'mortgages', label: 'Mortgages', localKey: { name: 'loanId', links: 'loanIds' }, records: { party: 'mortgageBorrower', all: 'mortgageRecords' }, ports: { subgraph: 4009, simulator: 4105 } };
/** The gateway, identity, profile, insights, audit. */
const FIXED = [4000, 4001, 4006, 4007, 4008];

describe('nextFreePort', () => {
  it.each([
    ['the next port when free', 4104, [], 4105],
    ['skips the derived subgraphs', 4005, [4006, 4007, 4008], 4009],
    ['skips a taken port above the floor', 4009, [4010], 4011],
  ])('%s', (_what, floor, taken, expected) => {
    expect(nextFreePort(floor, new Set(taken))).toBe(expected);
  });
});

describe('newRegistryEntry', () => {
  it('derives every field of a new system after the four original ones', () => {
    expect(newRegistryEntry(deriveSystemNames('demo'), FOUR, FIXED)).toEqual({
      names: { name: 'DEMO', slug: 'demo', handle: 'demo', pascal: 'Demo', label: 'Demo', keyPrefix: 'DEM' },
      description: 'Demo: customer records.',
      localKey: { name: 'demoId', links: 'demoIds', pattern: '^DEM\\d{8}$', description: 'Demo record ids (`DEM` + 8 digits).' },
      ports: { subgraph: 4009, simulator: 4105 },
      survivorshipRank: { kyc: 4, contact: 4 },
      records: { party: 'demoParty', all: 'demoRecords' },
    });
  });

  it('comes after whatever the registry holds (a fifth system already there)', () => {
    const entry = newRegistryEntry(deriveSystemNames('loan-book'), [...FOUR, MORTGAGES], FIXED, 'Loan book: syndicated loans.');
    expect(entry.ports).toEqual({ subgraph: 4010, simulator: 4106 });
    expect(entry.survivorshipRank).toEqual({ kyc: 5, contact: 5 });
    expect(entry.description).toBe('Loan book: syndicated loans.');
  });

  it.each([
    ['the same enum name', 'CARDS', 'name "CARDS"', 'CARDS'],
    ['the same slug', 'call-center', 'name "CALL_CENTER"', 'CALL_CENTER'],
    ['a record field of another system', 'cardholder', 'slug "cardholder"', 'CARDS'],
    ['a handle equal to a record field', 'erp-partner', 'handle "erpPartner"', 'ERP'],
    ['a label differing in case only', 'erp', 'name "ERP"', 'ERP'],
    ['the fifth system', 'mortgages', 'name "MORTGAGES"', 'MORTGAGES'],
  ])('refuses %s with NAME_CLASH naming both', (_what, raw, what, other) => {
    let caught: unknown;
    try {
      newRegistryEntry(deriveSystemNames(raw), [...FOUR, MORTGAGES], FIXED);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScaffoldError);
    expect((caught as ScaffoldError).code).toBe('NAME_CLASH');
    expect((caught as Error).message).toBe(`the new system's ${what} is already used by ${other}: choose another name`);
  });
});

const DEMO_SOURCE = [
  '  {',
  "    name: 'DEMO',",
  "    slug: 'demo',",
  "    handle: 'demo',",
  "    label: 'Demo',",
  "    description: 'Demo: the demo\\'s records.',",
  "    dialect: 'rest',",
  "    localKey: { name: 'demoId', links: 'demoIds', pattern: /^DEM\\d{8}$/, description: 'Demo record ids (`DEM` + 8 digits).' },",
  '    ports: { subgraph: 4009, simulator: 4105 },',
  '    // Scaffolded last in both groups: move it up (and re-rank the others) once you know what it is worth.',
  '    survivorshipRank: { kyc: 4, contact: 4 },',
  "    records: { party: 'demoParty', all: 'demoRecords' },",
  '    sensitiveFields: {},',
  '  },',
].join('\n');

describe('registryEntrySource', () => {
  it('spells the entry as the registry does, quotes escaped', () => {
    expect(registryEntrySource(newRegistryEntry(deriveSystemNames('demo'), FOUR, FIXED, "Demo: the demo's records."))).toBe(DEMO_SOURCE);
  });
});

describe('appendRegistryEntry', () => {
  const NEW = "  { name: 'NEW' },";

  it.each([
    [
      'after a trailing comma',
      "export const SYSTEM_REGISTRY = [\n  { name: 'A' },\n  { name: 'B' },\n] as const satisfies readonly SystemEntry[];\n",
      "export const SYSTEM_REGISTRY = [\n  { name: 'A' },\n  { name: 'B' },\n  { name: 'NEW' },\n] as const satisfies readonly SystemEntry[];\n",
    ],
    [
      'adding the comma the last entry lacks',
      "export const SYSTEM_REGISTRY = [\n  { name: 'A' }\n] as const;\n",
      "export const SYSTEM_REGISTRY = [\n  { name: 'A' },\n  { name: 'NEW' },\n] as const;\n",
    ],
    [
      'leaving a comment after the last entry and other arrays alone',
      "const OTHER = [1, 2];\nexport const SYSTEM_REGISTRY = [\n  { name: 'A', x: [1, 2] }, // the first\n];\nconst AFTER = [3];\n",
      "const OTHER = [1, 2];\nexport const SYSTEM_REGISTRY = [\n  { name: 'A', x: [1, 2] },\n  { name: 'NEW' }, // the first\n];\nconst AFTER = [3];\n",
    ],
  ])('%s', (_what, source, expected) => {
    expect(appendRegistryEntry(source, NEW)).toBe(expected);
  });

  it('refuses a file without a registry array', () => {
    expect(() => appendRegistryEntry('export const OTHER = [1];\n', NEW)).toThrow(ScaffoldError);
    expect(() => appendRegistryEntry('export const SYSTEM_REGISTRY = [] as const;\n', NEW)).toThrow(ScaffoldError);
  });

  it('appends to the real registry: one more entry, the rest unchanged', () => {
    const real = readFileSync(path.join(__dirname, '..', 'systems', 'registry.ts'), 'utf8');
    const appended = appendRegistryEntry(real, DEMO_SOURCE);
    const at = appended.indexOf(DEMO_SOURCE);
    expect(at).toBeGreaterThan(0);
    expect(appended.slice(0, at) + appended.slice(at + DEMO_SOURCE.length + 1)).toBe(real);
    expect(appended.slice(at + DEMO_SOURCE.length)).toMatch(/^\n\] as const satisfies readonly SystemEntry\[\];/);
  });
});

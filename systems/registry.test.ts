import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_REGISTRY, type SystemEntry } from './registry';
import { ownFolders, systemsNamedIn } from './systemMentions';

const ROOT = path.join(__dirname, '..');

/**
 * Files that may name two or more systems outside the systems' own folders, each with why. Keep
 * it short: a file belongs here only when it is not a list of the systems (it uses two of them
 * by their particulars), or while a derivation is still to be written (issue 14 says which).
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'systems/registry.ts': 'the registry itself: the one list',
  // The population generator writes each system's own record format (their shapes differ by
  // design: the systems disagree); a fifth system adds its records there (issue 14, item 4).
  'simulators/dataset/records.ts': "the population's record formats, one per system's wire data",
  'simulators/dataset/personRecords.ts': "the generator of each system's records of a person",
  'simulators/dataset/loadDataset.ts': "reads each system's record file",
  'simulators/dataset/writeDataset.ts': "writes each system's record file",
  'simulators/dataset/noiseProfile.ts': "each system's coverage and noise in the population (generator parameters, not a list of systems)",
  'subgraphs/identity/domain/datasetParties.ts': "maps each system's generated records to parties for the matcher's evaluation",
  // Fixed experimental setups whose published figures (BENCHMARKS.md, stored fingerprints) must
  // not move when a system is added.
  'subgraphs/identity/domain/febrlParties.ts': 'the FEBRL evaluation deals its records round-robin over the four original systems (BENCHMARKS.md figures depend on it)',
  'subgraphs/identity/store/blockingRules.ts': "probe records whose blocking keys fingerprint the rules (stored: changing a probe forces a reindex), one per name format",
  'tests/support/identityScenario.ts': "moves call-center contacts between core-banking customers: uses two systems' particulars, no list",
};

/** Benchmarks measure the four systems as they are; their scenarios name them on purpose. */
const IGNORED_FOLDERS = ['node_modules', 'data', 'dist', 'reports', '.stryker-tmp', '.git', 'test-artifacts', 'coverage', 'bench'];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (IGNORED_FOLDERS.includes(name) || name.startsWith('dist.') || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mjs|cjs|js)$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts')) yield path.relative(ROOT, full).split(path.sep).join('/');
  }
}

const OWN = SYSTEM_REGISTRY.flatMap((system) => ownFolders(system.slug));

/**
 * Resolver types `npm run compose` generates from the SDLs (schema/resolverTypes.ts): they spell
 * out the SourceSystem enum of schema/shared.graphql, which compose checks against the registry
 * (schema/registrySdlCheck.ts), and `compose --check` fails when they are stale.
 */
const GENERATED_FROM_CHECKED_SDL = 'schema/generated/';

describe('systemsNamedIn (what the registry test counts as naming a system)', () => {
  it.each([
    ['an array of enum names', "const SYSTEMS = ['CORE_BANKING', 'CARDS', 'ERP'];", ['CORE_BANKING', 'CARDS', 'ERP']],
    ['a record keyed by system', 'const PORTS = { CARDS: 1, CALL_CENTER: 2 };', ['CARDS', 'CALL_CENTER']],
    ['crosswalk fields', 'const links = { cifs: [], contactIds: [] };', ['CORE_BANKING', 'CALL_CENTER']],
    ['record fields', 'customer.erpPartnerRecords ?? customer.cardholder', ['CARDS', 'ERP']],
    ['imports of system folders, relative to the file', "import a from '../call-center';\nimport b from '../../subgraphs/cards/service';", ['CARDS', 'CALL_CENTER']],
    ['a multi-word handle', 'const callCenter = 1; const coreBanking = 2;', ['CORE_BANKING', 'CALL_CENTER']],
    ['template literal parts', 'const q = `x ${a} callCenterRecords { y } ${b} cifs`;', ['CORE_BANKING', 'CALL_CENTER']],
    ['comments and prose', '// CORE_BANKING, CARDS and ERP\n/** CALL_CENTER */ const label = "the call center";', []],
    ['one-word handles that are domain words', 'const cards = customer.cards; const erp = 1;', []],
    ['longer identifiers', 'const CORE_BANKING_CACHE = 1; const CARDS_SINGLES = 2; const callCenterAgent = 3;', []],
    ['a role that starts with a slug', "const role = 'call-center-agent';", []],
  ])('%s', (_what, source, expected) => {
    expect(systemsNamedIn(source, 'adapters/cache/example.ts')).toEqual(expected);
  });
});

describe('the registry is the one list of source systems', () => {
  const files = [...sourceFiles(ROOT)];

  it('no source file outside the systems’ own folders names two or more systems, except the allowed ones', () => {
    const lists = files
      .filter((file) => !OWN.some((own) => file.startsWith(own)) && !(file in ALLOWED) && !file.startsWith(GENERATED_FROM_CHECKED_SDL))
      .map((file) => ({ file, systems: systemsNamedIn(readFileSync(path.join(ROOT, file), 'utf8'), file) }))
      .filter(({ systems }) => systems.length >= 2)
      .map(({ file, systems }) => `${file} names ${systems.join(', ')}: derive the list from systems/registry.ts`);
    expect(lists).toEqual([]);
  });

  it('every allowed file still exists and still needs its place on the list', () => {
    const stale = Object.keys(ALLOWED).filter(
      (file) => !existsSync(path.join(ROOT, file)) || systemsNamedIn(readFileSync(path.join(ROOT, file), 'utf8'), file).length < 2,
    );
    expect(stale).toEqual([]);
  });

  it('the scan reads the product (it would pass vacuously on no files)', () => {
    expect(files).toEqual(expect.arrayContaining(['adapters/canonical.ts', 'gateway/audit/fieldClasses.ts', 'console/src/sourcesComparison.ts', 'stack/startStack.ts']));
  });
});

describe('the registry entries', () => {
  const unique = (values: readonly unknown[]) => new Set(values).size === values.length;

  it('name each system once by every handle', () => {
    const picks: Array<(s: SystemEntry) => string> = [(s) => s.name, (s) => s.slug, (s) => s.handle, (s) => s.label, (s) => s.localKey.name, (s) => s.localKey.links, (s) => s.records.all, (s) => s.records.party];
    for (const pick of picks) expect(unique(SYSTEM_REGISTRY.map(pick))).toBe(true);
  });

  it('spell their names as the graph and the environment need them', () => {
    for (const system of SYSTEM_REGISTRY) {
      expect(system.name).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(system.slug).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(system.handle).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(system.localKey.links).toMatch(/^[a-z][A-Za-z0-9]*s$/);
    }
  });

  it('use distinct ports, none of them a port of the gateway or the derived subgraphs', () => {
    const ports = SYSTEM_REGISTRY.flatMap((s) => [s.ports.subgraph, s.ports.simulator]);
    expect(unique(ports)).toBe(true);
    for (const taken of [4000, 4001, 4006, 4007, 4008]) expect(ports).not.toContain(taken);
  });

  it('rank survivorship sources without ties in each group', () => {
    for (const group of ['kyc', 'contact'] as const) {
      expect(SYSTEM_REGISTRY.map((s) => s.survivorshipRank[group]).sort((a, b) => a - b)).toEqual(SYSTEM_REGISTRY.map((_, i) => i));
    }
  });

  it('each have their own folders', () => {
    for (const system of SYSTEM_REGISTRY) {
      for (const own of ownFolders(system.slug)) expect([own, existsSync(path.join(ROOT, own))]).toEqual([own, true]);
    }
  });
});

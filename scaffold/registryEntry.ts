import ts from 'typescript';
import { ScaffoldError } from './scaffoldErrors';
import type { SystemNames } from './systemNames';

/** The parts of an existing registry entry the scaffold compares a new one against. */
export interface ExistingEntry {
  name: string;
  slug: string;
  handle: string;
  label: string;
  localKey: { name: string; links: string };
  records: { party: string; all: string };
  ports: { subgraph: number; simulator: number };
}

/** What the scaffold appends to SYSTEM_REGISTRY for a new system. */
export interface NewEntry {
  names: SystemNames;
  description: string;
  localKey: { name: string; links: string; pattern: string; description: string };
  ports: { subgraph: number; simulator: number };
  survivorshipRank: { kyc: number; contact: number };
  records: { party: string; all: string };
}

/**
 * The smallest port above `floor` that nothing listed takes: a new system's subgraph port comes
 * after the registered systems' subgraph ports, skipping the gateway's and the derived
 * subgraphs' (4006-4008 sit between the systems' subgraph ports, docs/architecture.md).
 */
export function nextFreePort(floor: number, taken: ReadonlySet<number>): number {
  let port = floor + 1;
  while (taken.has(port)) port += 1;
  return port;
}

/**
 * The new entry, with every value derived from the name and the registry: ports after the
 * registered ones, survivorship ranks last in both groups (a new source never outranks the
 * established ones until someone decides it should), fields named after the handle.
 * `fixedPorts` are the ports of the gateway and the subgraphs that are not systems.
 */
export function newRegistryEntry(names: SystemNames, existing: readonly ExistingEntry[], fixedPorts: readonly number[], description?: string): NewEntry {
  const entry: NewEntry = {
    names,
    description: description ?? `${names.label}: customer records.`,
    localKey: {
      name: `${names.handle}Id`,
      links: `${names.handle}Ids`,
      pattern: `^${names.keyPrefix}\\d{8}$`,
      description: `${names.label} record ids (\`${names.keyPrefix}\` + 8 digits).`,
    },
    ports: { subgraph: 0, simulator: 0 },
    survivorshipRank: { kyc: existing.length, contact: existing.length },
    records: { party: `${names.handle}Party`, all: `${names.handle}Records` },
  };
  refuseClashes(entry, existing);
  const taken = new Set([...fixedPorts, ...existing.flatMap((e) => [e.ports.subgraph, e.ports.simulator])]);
  const subgraph = nextFreePort(Math.max(...existing.map((e) => e.ports.subgraph)), taken);
  taken.add(subgraph);
  const simulator = nextFreePort(Math.max(...existing.map((e) => e.ports.simulator)), taken);
  return { ...entry, ports: { subgraph, simulator } };
}

/** Every identifier of an entry that must be unique across the registry, with what it is. */
function identifiersOf(e: { name: string; slug: string; handle: string; label: string; localKey: { name: string; links: string }; records: { party: string; all: string } }): Array<[string, string]> {
  return [
    ['name', e.name],
    ['slug', e.slug],
    ['handle', e.handle],
    ['label', e.label.toLowerCase()],
    ['local key', e.localKey.name],
    ['crosswalk field', e.localKey.links],
    ['record field', e.records.party],
    ['record field', e.records.all],
  ];
}

function refuseClashes(entry: NewEntry, existing: readonly ExistingEntry[]): void {
  const mine = identifiersOf({ ...entry.names, localKey: entry.localKey, records: entry.records });
  for (const other of existing) {
    const theirs = new Set(identifiersOf(other).map(([, value]) => value));
    const clash = mine.find(([, value]) => theirs.has(value));
    if (clash) throw new ScaffoldError('NAME_CLASH', `the new system's ${clash[0]} "${clash[1]}" is already used by ${other.name}: choose another name`);
  }
}

/** A TypeScript single-quoted string literal. */
const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The entry as the registry's source spells its entries (two-space indent inside the array). */
export function registryEntrySource(entry: NewEntry): string {
  const { names, localKey } = entry;
  return [
    '  {',
    `    name: ${quoted(names.name)},`,
    `    slug: ${quoted(names.slug)},`,
    `    handle: ${quoted(names.handle)},`,
    `    label: ${quoted(names.label)},`,
    `    description: ${quoted(entry.description)},`,
    `    dialect: 'rest',`,
    `    localKey: { name: ${quoted(localKey.name)}, links: ${quoted(localKey.links)}, pattern: /${localKey.pattern}/, description: ${quoted(localKey.description)} },`,
    `    ports: { subgraph: ${entry.ports.subgraph}, simulator: ${entry.ports.simulator} },`,
    '    // Scaffolded last in both groups: move it up (and re-rank the others) once you know what it is worth.',
    `    survivorshipRank: { kyc: ${entry.survivorshipRank.kyc}, contact: ${entry.survivorshipRank.contact} },`,
    `    records: { party: ${quoted(entry.records.party)}, all: ${quoted(entry.records.all)} },`,
    '    sensitiveFields: {},',
    '  },',
  ].join('\n');
}

/** The array literal initialising `SYSTEM_REGISTRY` (under `as const satisfies ...`), or null. */
function registryArray(file: ts.SourceFile): ts.ArrayLiteralExpression | null {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== 'SYSTEM_REGISTRY') continue;
      let init = declaration.initializer;
      while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
      if (init && ts.isArrayLiteralExpression(init)) return init;
    }
  }
  return null;
}

/**
 * systems/registry.ts with `entrySource` appended as the last element of SYSTEM_REGISTRY, found
 * by parsing the file (not by searching its text), so it works whatever the entries before it
 * hold; everything else in the file is kept byte for byte.
 */
export function appendRegistryEntry(registrySource: string, entrySource: string): string {
  const file = ts.createSourceFile('registry.ts', registrySource, ts.ScriptTarget.Latest, true);
  const array = registryArray(file);
  if (!array || array.elements.length === 0) throw new ScaffoldError('SOURCE_FORMAT', 'systems/registry.ts: found no SYSTEM_REGISTRY array with entries to append to');
  const last = array.elements[array.elements.length - 1];
  // After the last entry's trailing comma if it has one, else after the entry with a comma added.
  const comma = array.elements.hasTrailingComma ? registrySource.indexOf(',', last.end) + 1 : last.end;
  const separator = array.elements.hasTrailingComma ? '' : ',';
  return `${registrySource.slice(0, comma)}${separator}\n${entrySource}${registrySource.slice(comma)}`;
}

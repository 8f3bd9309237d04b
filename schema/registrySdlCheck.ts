/**
 * What the subgraph SDLs must say about the source systems, checked against the one registry
 * (systems/registry.ts) by `npm run compose` (and its `--check` in CI), so an SDL that lists
 * systems by hand cannot drift from it:
 * - every `enum SourceSystem` holds exactly the registered names, in registry order, each with
 *   its registry description;
 * - identity's `SourceLinks` holds exactly every system's crosswalk field, with its description;
 * - a system's own SDL declares `SourceLinks` with its own crosswalk field only (it never sees
 *   another system's ids) and its `Customer` carries its two record fields;
 * - profile's `Customer` declares every system's records `@external` and its `profile` requires
 *   them all.
 * The SDLs stay hand-written (their descriptions and directives are for front-end teams to read);
 * the scaffold (issue 14) writes a new system's parts of them.
 */
import {
  Kind,
  parse,
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type StringValueNode,
} from 'graphql';
import { SYSTEM_REGISTRY } from '../systems/registry';

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

function objectType(document: DocumentNode, name: string): ObjectNode | undefined {
  return document.definitions.find(
    (d): d is ObjectNode => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === name,
  );
}

function fieldsOf(type: ObjectNode | undefined): readonly FieldDefinitionNode[] {
  return type?.fields ?? [];
}

const described = (description: StringValueNode | undefined) => description?.value.trim() ?? '';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Problems with one SDL (`file` is its name in schema/, `subgraph` its subgraph name). Empty when it agrees. */
export function registrySdlProblems(subgraph: string, file: string, sdl: string): string[] {
  const problems: string[] = [];
  const document = parse(sdl);
  const names = SYSTEM_REGISTRY.map((system) => system.name);

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'SourceSystem') continue;
    const values = (definition as EnumTypeDefinitionNode).values ?? [];
    const listed = values.map((v) => v.name.value);
    if (!sameList(listed, names)) problems.push(`${file}: enum SourceSystem lists ${listed.join(', ')}; the registry has ${names.join(', ')}`);
    for (const value of values) {
      const entry = SYSTEM_REGISTRY.find((system) => system.name === value.name.value);
      if (entry && described(value.description) !== entry.description) problems.push(`${file}: SourceSystem.${entry.name} is not described as its registry entry says ("${entry.description}")`);
    }
  }

  const links = fieldsOf(objectType(document, 'SourceLinks'));
  const own = SYSTEM_REGISTRY.find((system) => system.slug === subgraph);
  if (subgraph === 'identity') {
    const listed = links.map((f) => f.name.value);
    const expected = SYSTEM_REGISTRY.map((system) => system.localKey.links);
    if (!sameList(listed, expected)) problems.push(`${file}: SourceLinks holds ${listed.join(', ')}; the registry has ${expected.join(', ')}`);
    for (const field of links) {
      const entry = SYSTEM_REGISTRY.find((system) => system.localKey.links === field.name.value);
      if (entry && described(field.description) !== entry.localKey.description) problems.push(`${file}: SourceLinks.${entry.localKey.links} is not described as its registry entry says ("${entry.localKey.description}")`);
    }
  } else if (own) {
    const listed = links.map((f) => f.name.value);
    if (!sameList(listed, [own.localKey.links])) problems.push(`${file}: SourceLinks must hold only ${own.localKey.links} (its own key), not ${listed.join(', ') || 'nothing'}`);
    const customer = fieldsOf(objectType(document, 'Customer')).map((f) => f.name.value);
    for (const field of [own.records.party, own.records.all]) {
      if (!customer.includes(field)) problems.push(`${file}: Customer has no ${field} (records in the registry entry of ${own.name})`);
    }
  } else if (links.length > 0) {
    problems.push(`${file}: only identity and the systems' own subgraphs declare SourceLinks`);
  }

  if (subgraph === 'profile') {
    const customer = fieldsOf(objectType(document, 'Customer'));
    const external = customer.filter((f) => f.directives?.some((d) => d.name.value === 'external')).map((f) => f.name.value);
    const expected = SYSTEM_REGISTRY.map((system) => system.records.all);
    if (!sameList(external, expected)) problems.push(`${file}: Customer's @external records are ${external.join(', ')}; the registry has ${expected.join(', ')}`);
    const requires = customer.find((f) => f.name.value === 'profile')?.directives?.find((d) => d.name.value === 'requires');
    const argument = requires?.arguments?.find((a) => a.name.value === 'fields')?.value;
    const required = argument?.kind === Kind.STRING ? argument.value : '';
    for (const field of expected) {
      if (!new RegExp(`(^|[\\s}])${field}\\s*\\{`).test(required)) problems.push(`${file}: Customer.profile does not @require ${field}`);
    }
  }
  return problems;
}

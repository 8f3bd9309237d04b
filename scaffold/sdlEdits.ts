import { Kind, parse, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { ScaffoldError } from './scaffoldErrors';

/**
 * The edits a new system makes to the SDLs it appears in besides its own (adapters/README.md,
 * step 6; checked by schema/registrySdlCheck.ts). Each edit finds its place through the parsed
 * document's locations and inserts text there, so the hand-written rest (descriptions,
 * directives, layout) stays as it was.
 */

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

function parsed(sdl: string, file: string): DocumentNode {
  try {
    return parse(sdl);
  } catch (error) {
    throw new ScaffoldError('SOURCE_FORMAT', `${file}: not a valid SDL (${(error as Error).message})`);
  }
}

function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

/** A GraphQL string literal for a description. */
const described = (description: string) => JSON.stringify(description);

/** Inserts several pieces at their offsets (given in the original text). */
function insertAll(text: string, inserts: Array<{ at: number; text: string }>): string {
  return [...inserts].sort((a, b) => b.at - a.at).reduce((out, insert) => insertAt(out, insert.at, insert.text), text);
}

/** Adds `value` (with its description) as the last value of every `enum SourceSystem` in the SDL. */
export function addSourceSystemValue(sdl: string, value: string, description: string, file = 'schema'): string {
  const inserts = parsed(sdl, file)
    .definitions.filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'SourceSystem')
    .map((d) => {
      const values = d.kind === Kind.ENUM_TYPE_DEFINITION ? (d.values ?? []) : [];
      if (values.some((v) => v.name.value === value)) throw new ScaffoldError('NAME_CLASH', `${file}: enum SourceSystem already has ${value}`);
      const last = values[values.length - 1];
      if (!last?.loc) throw new ScaffoldError('SOURCE_FORMAT', `${file}: enum SourceSystem has no values to append to`);
      return { at: last.loc.end, text: `\n  ${described(description)}\n  ${value}` };
    });
  return insertAll(sdl, inserts);
}

function objectType(document: DocumentNode, name: string, file: string): ObjectNode {
  const found = document.definitions.find(
    (d): d is ObjectNode => (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === name,
  );
  if (!found?.fields?.length) throw new ScaffoldError('SOURCE_FORMAT', `${file}: no type ${name} with fields`);
  return found;
}

function after(field: FieldDefinitionNode | undefined, file: string, typeName: string): number {
  if (!field?.loc) throw new ScaffoldError('SOURCE_FORMAT', `${file}: ${typeName} has no field to insert after`);
  return field.loc.end;
}

/** Adds a field (its SDL, e.g. `"Ids." demoIds: [String!]!`, one line per element) after the last field of `typeName`. */
export function addObjectField(sdl: string, typeName: string, fieldLines: readonly string[], file = 'schema'): string {
  const type = objectType(parsed(sdl, file), typeName, file);
  const fields = type.fields ?? [];
  return insertAt(sdl, after(fields[fields.length - 1], file, typeName), fieldLines.map((line) => `\n  ${line}`).join(''));
}

/** The text from an opening brace at `open` to its matching closing brace, inclusive. */
function balancedBraces(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  throw new ScaffoldError('SOURCE_FORMAT', 'unbalanced braces in a @requires selection');
}

/**
 * profile's SDL: the new records field declared `@external` after the other systems' ones, and
 * required by `Customer.profile` with the same selection as the first system's records.
 */
export function addProfileRecords(sdl: string, recordsField: string, firstRecordsField: string, file = 'profile.graphql'): string {
  const customer = objectType(parsed(sdl, file), 'Customer', file);
  const fields = customer.fields ?? [];
  const externals = fields.filter((f) => f.directives?.some((d) => d.name.value === 'external'));
  const requires = fields.find((f) => f.name.value === 'profile')?.directives?.find((d) => d.name.value === 'requires');
  const argument = requires?.arguments?.find((a) => a.name.value === 'fields')?.value;
  if (argument?.kind !== Kind.STRING || !argument.loc || argument.block) throw new ScaffoldError('SOURCE_FORMAT', `${file}: Customer.profile has no @requires(fields: "...")`);
  const selection = argument.value;
  const first = new RegExp(`(^|[\\s}])${firstRecordsField}\\s*\\{`).exec(selection);
  if (!first) throw new ScaffoldError('SOURCE_FORMAT', `${file}: Customer.profile does not require ${firstRecordsField}`);
  const subselection = balancedBraces(selection, first.index + first[0].length - 1);
  // The closing quote of the fields string; the selection holds no escapes (field names and braces).
  const closingQuote = argument.loc.end - 1;
  return insertAll(sdl, [
    { at: after(externals[externals.length - 1], file, 'Customer'), text: `\n  ${recordsField}: [Party!] @external` },
    { at: closingQuote, text: ` ${recordsField} ${subselection}` },
  ]);
}

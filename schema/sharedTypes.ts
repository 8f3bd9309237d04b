import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';

/** The file holding the SDL types every subgraph shares (Party, Money, SourceSystem, @sensitive, ...). */
export const SHARED_SDL_FILE = 'shared.graphql';

/** The name a definition introduces (a type or a directive), or undefined for `schema`/extensions. */
function definedName(definition: DefinitionNode): string | undefined {
  switch (definition.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
    case Kind.SCALAR_TYPE_DEFINITION:
      return definition.name.value;
    case Kind.DIRECTIVE_DEFINITION:
      return `@${definition.name.value}`;
    default:
      return undefined;
  }
}

/** The types (`Name`) and directives (`@name`) a piece of SDL refers to. */
function referencedNames(node: DocumentNode | DefinitionNode): Set<string> {
  const names = new Set<string>();
  visit(node, {
    NamedType: (named) => {
      names.add(named.name.value);
    },
    Directive: (directive) => {
      names.add(`@${directive.name.value}`);
    },
  });
  return names;
}

/**
 * A subgraph's complete SDL: its own SDL followed by the shared definitions it uses and does not
 * define itself, with what those use in turn. Adding only what is used keeps each subgraph's
 * schema (and so the composed supergraph) as it was when the types were copied into each file:
 * a subgraph that never mentions `Party` does not start resolving it. A subgraph's own
 * definition wins over the shared one (profile's `Party` with `@external` fields).
 */
export function withSharedTypes(subgraphSdl: string, sharedSdl: string): string {
  const own = parse(subgraphSdl);
  const shared = new Map<string, DefinitionNode>();
  for (const definition of parse(sharedSdl).definitions) {
    const name = definedName(definition);
    if (name) shared.set(name, definition);
  }
  const defined = new Set(own.definitions.map(definedName).filter((name): name is string => name !== undefined));
  const added: DefinitionNode[] = [];
  const pending = [...referencedNames(own)];
  while (pending.length > 0) {
    const name = pending.shift() as string;
    const definition = shared.get(name);
    if (!definition || defined.has(name)) continue;
    defined.add(name);
    added.push(definition);
    pending.push(...referencedNames(definition));
  }
  if (added.length === 0) return subgraphSdl;
  // In the shared file's order, so the output does not depend on where a subgraph first uses a type.
  const order = [...shared.values()];
  added.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return `${subgraphSdl.trimEnd()}\n\n# From ${SHARED_SDL_FILE}:\n\n${added.map((d) => print(d)).join('\n\n')}\n`;
}

/** Reads `schema/<sdlFile>` from `schemaDir` with the shared definitions it uses (withSharedTypes). */
export function readSubgraphSdl(schemaDir: string, sdlFile: string): string {
  const read = (file: string) => readFileSync(path.join(schemaDir, file), 'utf8');
  return withSharedTypes(read(sdlFile), read(SHARED_SDL_FILE));
}

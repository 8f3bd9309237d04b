import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { SENSITIVITY_CLASSES, type SensitivityClass } from './fieldPolicy';

/** `Type.field` -> its sensitivity class, from the supergraph's `@sensitive` applications. */
export type SensitiveFieldIndex = ReadonlyMap<string, SensitivityClass>;

export const SENSITIVE_SPEC_URL_PREFIX = 'https://unifiedview.example/sensitive/';

/**
 * Reads `@sensitive(class: ...)` from a supergraph SDL. The gateway's API schema has lost
 * the directive (toAPISchema strips linked features), so the supergraph text is the source.
 * The directive's local name follows the supergraph's `@link(url: ".../sensitive/v1.x",
 * import: [...])`, so an `{ name: "@sensitive", as: "@classified" }` import still works.
 *
 * Throws when an application names an unknown class: better to refuse a supergraph than to
 * serve a field whose protection nobody understands.
 */
export function buildSensitiveFieldIndex(supergraphSdl: string | DocumentNode): SensitiveFieldIndex {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const directiveName = sensitiveDirectiveName(document);
  const index = new Map<string, SensitivityClass>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const applied = field.directives?.find((d) => d.name.value === directiveName);
      if (!applied) continue;
      index.set(`${definition.name.value}.${field.name.value}`, classOf(applied, `${definition.name.value}.${field.name.value}`));
    }
  }
  return index;
}

function classOf(directive: ConstDirectiveNode, coordinate: string): SensitivityClass {
  const arg = directive.arguments?.find((a) => a.name.value === 'class');
  const value = arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
  if (!value || !(SENSITIVITY_CLASSES as readonly string[]).includes(value)) {
    throw new Error(`@sensitive on ${coordinate} has an unknown class "${value ?? '(none)'}"`);
  }
  return value as SensitivityClass;
}

function sensitiveDirectiveName(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = link.arguments?.find((a) => a.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !url.value.startsWith(SENSITIVE_SPEC_URL_PREFIX)) continue;
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) continue;
      for (const item of imports.values) {
        if (item.kind === Kind.STRING && item.value === '@sensitive') return 'sensitive';
        if (item.kind === Kind.OBJECT) {
          const name = item.fields.find((f) => f.name.value === 'name')?.value;
          const as = item.fields.find((f) => f.name.value === 'as')?.value;
          if (name?.kind === Kind.STRING && name.value === '@sensitive' && as?.kind === Kind.STRING) return as.value.replace(/^@/, '');
        }
      }
    }
  }
  return 'sensitive';
}

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from '../schema/subgraphList';
import { SHARED_SDL_FILE } from '../schema/sharedTypes';
import { SYSTEM_REGISTRY } from '../systems/registry';
import { appendRegistryEntry, newRegistryEntry, registryEntrySource, type NewEntry } from './registryEntry';
import { ScaffoldError, supportedDialect } from './scaffoldErrors';
import { addObjectField, addProfileRecords, addSourceSystemValue } from './sdlEdits';
import { deriveSystemNames } from './systemNames';
import { renderTemplate, renderTemplatePath, type TemplateValues } from './templateRenderer';

export interface GenerateOptions {
  /** The repository to write into (its systems/registry.ts and schema/ are read from there). */
  root: string;
  name: string;
  dialect: string;
  description?: string;
}

export interface GeneratedSystem {
  entry: NewEntry;
  /** Files written, relative to the root. */
  created: string[];
  /** Existing files edited, relative to the root. */
  edited: string[];
}

const TEMPLATES = path.join(__dirname, 'templates');
/** The gateway's port: not a subgraph, but taken. */
const GATEWAY_PORT = 4000;

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? templateFiles(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
}

function templateValues(entry: NewEntry): TemplateValues {
  const { names } = entry;
  return {
    NAME: names.name,
    slug: names.slug,
    handle: names.handle,
    pascal: names.pascal,
    label: names.label,
    keyPrefix: names.keyPrefix,
    links: entry.localKey.links,
    party: entry.records.party,
    all: entry.records.all,
    simulatorPort: String(entry.ports.simulator),
  };
}

/**
 * Writes a new system: its registry entry, its own folders from the dialect's templates, and its
 * parts of the shared SDLs. Everything is rendered and checked first (name, dialect, clashes,
 * existing files, the SDLs' shape); only then is anything written, so a refusal leaves the
 * repository as it was.
 */
export function generateSystem(options: GenerateOptions): GeneratedSystem {
  const dialect = supportedDialect(options.dialect);
  const names = deriveSystemNames(options.name);
  const fixedPorts = [GATEWAY_PORT, ...SUBGRAPHS.filter((s) => !SYSTEM_REGISTRY.some((system) => system.slug === s.name)).map((s) => s.defaultPort)];
  const entry = newRegistryEntry(names, SYSTEM_REGISTRY, fixedPorts, options.description);
  const values = templateValues(entry);
  const root = options.root;
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

  const writes = new Map<string, string>();
  const dialectDir = path.join(TEMPLATES, dialect);
  for (const template of templateFiles(dialectDir)) {
    writes.set(renderTemplatePath(template, values), renderTemplate(readFileSync(path.join(dialectDir, template), 'utf8'), values, template));
  }
  const existing = [...writes.keys()].filter((file) => existsSync(path.join(root, file)));
  for (const folder of ['adapters', 'simulators', 'subgraphs']) if (existsSync(path.join(root, folder, names.slug))) existing.push(`${folder}/${names.slug}/`);
  if (existing.length > 0) throw new ScaffoldError('FILE_EXISTS', `refusing to overwrite: ${[...new Set(existing)].join(', ')}`);
  const created = [...writes.keys()];

  const edits = new Map<string, string>();
  edits.set('systems/registry.ts', appendRegistryEntry(read('systems/registry.ts'), registryEntrySource(entry)));
  // The SourceSystem enum lives in the shared types; a subgraph SDL that keeps its own copy gets the value too.
  for (const file of [`schema/${SHARED_SDL_FILE}`, ...SUBGRAPHS.map((subgraph) => `schema/${subgraph.sdlFile}`)]) {
    const subgraph = SUBGRAPHS.find((s) => `schema/${s.sdlFile}` === file);
    let sdl = addSourceSystemValue(read(file), names.name, entry.description, file);
    if (subgraph?.name === 'identity') sdl = addObjectField(sdl, 'SourceLinks', [JSON.stringify(entry.localKey.description), `${entry.localKey.links}: [String!]!`], file);
    if (subgraph?.name === 'profile') sdl = addProfileRecords(sdl, entry.records.all, SYSTEM_REGISTRY[0].records.all, file);
    if (sdl !== read(file)) edits.set(file, sdl);
  }

  for (const [file, text] of writes) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  for (const [file, text] of edits) writeFileSync(path.join(root, file), text);
  return { entry, created, edited: [...edits.keys()] };
}

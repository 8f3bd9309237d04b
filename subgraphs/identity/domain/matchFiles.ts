/**
 * The files the match commands read besides the parties: a partial config, steward overrides,
 * a model, a truth file. Each bad file is a MatchInputError naming the file, never its content.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { MatchInputError } from './matchErrors';
import { parseModel, type MatchModel } from './matchModel';
import { indexTruthPerson, type TruthPerson } from './pairwiseMetrics';
import { readLines } from './partyLines';
import type { StewardOverrides } from './stewardOverrides';

export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new MatchInputError(`${what} file not found`, file);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MatchInputError(`${what} file is not valid JSON`, file);
  }
}

/** A config file overrides the defaults field by field (`thresholds` and `training` merged one level deep). */
export async function loadMatchConfig(file: string | undefined): Promise<MatchConfig> {
  if (!file) return DEFAULT_MATCH_CONFIG;
  const partial = (await readJsonFile(file, 'config')) as Partial<MatchConfig>;
  if (partial === null || typeof partial !== 'object') throw new MatchInputError('config file is not a JSON object', file);
  const config: MatchConfig = {
    ...DEFAULT_MATCH_CONFIG,
    ...partial,
    thresholds: { ...DEFAULT_MATCH_CONFIG.thresholds, ...(partial.thresholds ?? {}) },
    training: { ...DEFAULT_MATCH_CONFIG.training, ...(partial.training ?? {}) },
  };
  const t = config.thresholds;
  if (!(t.review > 0 && t.review <= t.link && t.link < 1)) throw new MatchInputError('config thresholds must satisfy 0 < review <= link < 1', file);
  if (partial.model !== undefined) config.model = parseModel(partial.model, file);
  return config;
}

export async function loadOverrides(file: string | undefined): Promise<StewardOverrides | undefined> {
  if (!file) return undefined;
  const o = (await readJsonFile(file, 'overrides')) as Partial<StewardOverrides> | null;
  if (o === null || typeof o !== 'object') throw new MatchInputError('overrides file is not a JSON object', file);
  return { alwaysMatch: o.alwaysMatch ?? [], neverMatch: o.neverMatch ?? [] };
}

export async function loadModel(file: string): Promise<MatchModel> {
  return parseModel(await readJsonFile(file, 'model'), file);
}

/** The config with the model file's model in it, when one is given. */
export async function loadConfigAndModel(configFile: string | undefined, modelFile: string | undefined): Promise<MatchConfig> {
  const config = await loadMatchConfig(configFile);
  return modelFile ? { ...config, model: await loadModel(modelFile) } : config;
}

export { readNormalisedParties } from './parallelPartyRead';

/** truth.jsonl (the generator's TruePerson lines, or match:febrl's) as record key -> person id. */
export async function readTruthIndex(file: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for await (const { line, lineNumber } of readLines(file)) {
    let person: TruthPerson;
    try {
      person = JSON.parse(line) as TruthPerson;
    } catch {
      throw new MatchInputError('line is not valid JSON', file, lineNumber);
    }
    if (!person || typeof person.personId !== 'string' || typeof person.keys !== 'object' || person.keys === null) {
      throw new MatchInputError('line is not a truth person {personId, keys}', file, lineNumber);
    }
    indexTruthPerson(index, person);
  }
  return index;
}

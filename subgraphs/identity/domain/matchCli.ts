/**
 * `npm run match -- --input parties.jsonl --output clusters.jsonl [--config cfg.json] [--overrides o.json]`
 *
 * Reads canonical SourceParty lines (streamed; each record is normalised as it is read, so only
 * the compact normalised form is held), resolves identities, writes one cluster per line.
 * Prints counts only (never a name or id from the data) to stderr.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeClusterLines } from './clusterLines';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { MatchInputError, MatchUsageError } from './matchErrors';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { readPartyLines } from './partyLines';
import { resolveNormalisedParties, type ResolutionResult } from './resolveParties';
import type { StewardOverrides } from './stewardOverrides';

export const MATCH_USAGE = 'usage: npm run match -- --input parties.jsonl --output clusters.jsonl [--config match-config.json] [--overrides overrides.json]';

async function readJsonFile<T>(file: string, what: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new MatchInputError(`${what} file not found`, file);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new MatchInputError(`${what} file is not valid JSON`, file);
  }
}

/** A config file overrides the defaults field by field (weights and similarity merged one level deep). */
export async function loadMatchConfig(file: string | undefined): Promise<MatchConfig> {
  if (!file) return DEFAULT_MATCH_CONFIG;
  const partial = await readJsonFile<Partial<MatchConfig>>(file, 'config');
  return {
    ...DEFAULT_MATCH_CONFIG,
    ...partial,
    weights: { ...DEFAULT_MATCH_CONFIG.weights, ...(partial.weights ?? {}) },
    similarity: { ...DEFAULT_MATCH_CONFIG.similarity, ...(partial.similarity ?? {}) },
  };
}

export async function loadOverrides(file: string | undefined): Promise<StewardOverrides | undefined> {
  if (!file) return undefined;
  const o = await readJsonFile<Partial<StewardOverrides>>(file, 'overrides');
  return { alwaysMatch: o.alwaysMatch ?? [], neverMatch: o.neverMatch ?? [] };
}

/** Streams a parties file into normalised records. */
export async function readNormalisedParties(file: string): Promise<NormalisedParty[]> {
  const out: NormalisedParty[] = [];
  for await (const party of readPartyLines(file)) out.push(normaliseParty(party));
  return out;
}

export interface MatchCliArgs {
  input: string;
  output: string;
  config?: string;
  overrides?: string;
}

export function parseMatchArgs(argv: readonly string[]): MatchCliArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { input: { type: 'string' }, output: { type: 'string' }, config: { type: 'string' }, overrides: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new MatchUsageError(`${(error as Error).message}\n${MATCH_USAGE}`);
  }
  if (typeof values.input !== 'string' || typeof values.output !== 'string') throw new MatchUsageError(MATCH_USAGE);
  return { input: values.input, output: values.output, config: values.config as string | undefined, overrides: values.overrides as string | undefined };
}

export async function runMatch(args: MatchCliArgs): Promise<ResolutionResult> {
  const config = await loadMatchConfig(args.config);
  const overrides = await loadOverrides(args.overrides);
  const parties = await readNormalisedParties(args.input);
  const result = resolveNormalisedParties(parties, { config, overrides });
  await writeClusterLines(args.output, result.clusters);
  return result;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const started = Date.now();
    const result = await runMatch(parseMatchArgs(argv));
    const s = result.stats;
    process.stderr.write(
      `match: ${s.parties} parties -> ${s.clusters} clusters in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(candidate pairs ${s.candidatePairs}, strong links ${s.strongLinks}, weak links ${s.weakLinks}, oversized blocks ${s.oversizedBlocks})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof MatchUsageError || error instanceof MatchInputError) {
      process.stderr.write(`match: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`match: failed: ${(error as Error).name}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

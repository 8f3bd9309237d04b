/**
 * `npm run match:febrl -- --input dataset1.csv --parties parties.jsonl --truth truth.jsonl [--without-national-id]`
 *
 * Converts a FEBRL data set (see febrlParties.ts for the mapping) into the matcher's input
 * (parties.jsonl) and the truth (truth.jsonl) that `npm run match:eval` reads.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { parseFebrl } from './febrlParties';
import { MatchInputError } from './matchErrors';

export function febrlCommand(): Command {
  return new Command('match:febrl')
    .description('Convert a FEBRL data set into source parties and the truth.')
    .requiredOption('--input <file>', 'a FEBRL CSV file (dataset1.csv, dataset2.csv, dataset3.csv)')
    .requiredOption('--parties <file>', 'where to write the source parties (JSON lines)')
    .requiredOption('--truth <file>', 'where to write the truth (JSON lines, one person per line)')
    .option('--without-national-id', 'leave the soc_sec_id column out')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

export async function main(argv: readonly string[]): Promise<number> {
  const command = febrlCommand();
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const o = command.opts<{ input: string; parties: string; truth: string; withoutNationalId?: boolean }>();
  try {
    let text: string;
    try {
      text = await readFile(o.input, 'utf8');
    } catch {
      throw new MatchInputError('input file not found', o.input);
    }
    const { parties, truth } = parseFebrl(text, { withoutNationalId: o.withoutNationalId === true }, o.input);
    await writeFile(o.parties, parties.map((p) => JSON.stringify(p)).join('\n') + '\n');
    await writeFile(o.truth, truth.map((t) => JSON.stringify(t)).join('\n') + '\n');
    process.stderr.write(`match:febrl: ${parties.length} parties, ${truth.length} persons\n`);
    return 0;
  } catch (error) {
    if (error instanceof MatchInputError) {
      process.stderr.write(`match:febrl: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`match:febrl: failed: ${(error as Error).name}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

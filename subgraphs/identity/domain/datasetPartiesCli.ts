/**
 * `npx tsx subgraphs/identity/domain/datasetPartiesCli.ts --dataset DIR --output parties.jsonl`
 *
 * Writes a generated dataset's records as canonical SourceParty lines (the input of
 * `npm run match`), streaming both ways: used to build the benchmark input.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { datasetParties } from './datasetParties';

export async function writeDatasetParties(dir: string, output: string): Promise<number> {
  const out = createWriteStream(output, { encoding: 'utf8' });
  let count = 0;
  for await (const party of datasetParties(dir)) {
    count++;
    if (!out.write(JSON.stringify(party) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return count;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { dataset: { type: 'string' }, output: { type: 'string' } }, strict: true });
  if (!values.dataset || !values.output) {
    process.stderr.write('usage: tsx subgraphs/identity/domain/datasetPartiesCli.ts --dataset DIR --output parties.jsonl\n');
    process.exitCode = 2;
  } else {
    writeDatasetParties(values.dataset, values.output).then(
      (n) => process.stderr.write(`wrote ${n} parties\n`),
      (error: Error) => {
        process.stderr.write(`failed: ${error.name}: ${error.message}\n`);
        process.exitCode = 1;
      },
    );
  }
}

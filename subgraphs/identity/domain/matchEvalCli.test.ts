import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '../../../simulators/dataset/writeDataset';
import { writeFile } from 'node:fs/promises';
import { parseFebrl } from './febrlParties';
import { readFile } from 'node:fs/promises';
import { main, runEval } from './matchEvalCli';

let dir: string;
let dataset: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'match-eval-'));
  dataset = join(dir, 'dataset');
  await writeDataset({ seed: 42, persons: 150, noise: 'default', out: dataset });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run match:eval', () => {
  it('builds parties from a dataset, matches them and scores against the truth', async () => {
    const output = join(dir, 'clusters.jsonl');
    const result = await runEval({ dataset, output });
    expect(result.score.precision).toBeGreaterThanOrEqual(0.99);
    expect(result.score.recall).toBeGreaterThanOrEqual(0.97);
    // The written clusters score the same when read back.
    const again = await runEval({ clusters: output, truth: join(dataset, 'truth.jsonl') });
    expect(again.score).toEqual(result.score);
  });

  it('prints precision, recall and F1', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--dataset', dataset])).toBe(0);
      const text = out.mock.calls.map((c) => String(c[0])).join('');
      expect(text).toMatch(/precision \d\.\d{4}/);
      expect(text).toMatch(/recall +\d\.\d{4}/);
      expect(text).toMatch(/f1 +\d\.\d{4}/);
    } finally {
      out.mockRestore();
    }
  });

  it('exits 2 on usage errors and a missing dataset', async () => {
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--clusters', 'x.jsonl'])).toBe(2);
      expect(await main(['--dataset', join(dir, 'nowhere')])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });

  it('reports pairs completeness and reduction ratio when it runs the matcher', async () => {
    const result = await runEval({ dataset });
    expect(result.blocking!.pairsCompleteness).toBeGreaterThan(0.99);
    expect(result.blocking!.reductionRatio).toBeGreaterThan(0.99);
    expect(result.blocking!.truePairs).toBe(result.score.truePairs);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--dataset', dataset])).toBe(0);
      const text = out.mock.calls.map((c) => String(c[0])).join('');
      expect(text).toMatch(/pairs completeness \d\.\d{4}/);
      expect(text).toMatch(/reduction ratio +\d\.\d{6}/);
    } finally {
      out.mockRestore();
    }
  });

  it('answers --help and runs nothing', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain('--truth');
    } finally {
      out.mockRestore();
    }
  });

  // Public data the matcher was not built on: FEBRL 1 (1,000 records), trained on itself.
  const febrl = join(__dirname, '../../../../shared/datasets/febrl/dataset1.csv');
  it('scores F1 of at least 0.99 on FEBRL 1, and 0.97 without its national id column', async () => {
    for (const withoutNationalId of [false, true]) {
      const { parties, truth } = parseFebrl(await readFile(febrl, 'utf8'), { withoutNationalId });
      await writeFile(join(dir, 'febrl.jsonl'), parties.map((p) => JSON.stringify(p)).join('\n'));
      await writeFile(join(dir, 'febrl-truth.jsonl'), truth.map((t) => JSON.stringify(t)).join('\n'));
      const result = await runEval({ input: join(dir, 'febrl.jsonl'), truth: join(dir, 'febrl-truth.jsonl') });
      expect(result.score.f1).toBeGreaterThanOrEqual(withoutNationalId ? 0.97 : 0.99);
    }
  });
});

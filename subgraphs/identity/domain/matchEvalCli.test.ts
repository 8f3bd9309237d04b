import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '../../../simulators/dataset/writeDataset';
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
});

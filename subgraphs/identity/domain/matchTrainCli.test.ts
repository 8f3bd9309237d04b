import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '../../../simulators/dataset/writeDataset';
import { COMPARISONS } from './comparisons';
import { main as matchMain } from './matchCli';
import { parseModel } from './matchModel';
import { main } from './matchTrainCli';

let dir: string;
let err: jest.SpyInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'match-train-'));
  await writeDataset({ seed: 9, persons: 300, noise: 'default', out: join(dir, 'ds') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => err.mockRestore());

describe('npm run match:train', () => {
  it('writes a readable model: every comparison level with its m, u and weight', async () => {
    const output = join(dir, 'model.json');
    expect(await main(['--dataset', join(dir, 'ds'), '--output', output])).toBe(0);
    const text = await readFile(output, 'utf8');
    const json = JSON.parse(text);
    expect(json.comparisons.map((c: { name: string }) => c.name)).toEqual(COMPARISONS.map((c) => c.name));
    for (const c of json.comparisons) {
      for (const level of c.levels) {
        expect(level.m).toBeGreaterThan(0);
        expect(level.u).toBeGreaterThan(0);
        expect(level.weight).toBeCloseTo(Math.log2(level.m / level.u), 2);
      }
    }
    // One level per line group, indented: a person can read it.
    expect(text.split('\n').length).toBeGreaterThan(100);
    expect(() => parseModel(json)).not.toThrow();
    // Learned from the data: a shared phone is evidence for, a differing birth date against.
    const weight = (name: string, label: string) => json.comparisons.find((c: { name: string }) => c.name === name).levels.find((l: { label: string }) => l.label === label).weight;
    expect(weight('phone', 'shared')).toBeGreaterThan(5);
    expect(weight('birthDate', 'else')).toBeLessThan(-5);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/EM converged after \d+ iterations/);
  });

  it('is used by npm run match --model', async () => {
    const parties = join(dir, 'parties.jsonl');
    const { writeDatasetParties } = await import('./datasetPartiesCli');
    await writeDatasetParties(join(dir, 'ds'), parties);
    expect(await matchMain(['--input', parties, '--output', join(dir, 'clusters.jsonl'), '--model', join(dir, 'model.json')])).toBe(0);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toContain('given model');
  });

  it('answers --help and writes nothing', async () => {
    const before = await readdir(dir);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain('--output');
    } finally {
      out.mockRestore();
    }
    expect(await readdir(dir)).toEqual(before);
  });

  it('exits 2 on usage errors and bad input, naming the file only', async () => {
    expect(await main(['--output', join(dir, 'x.json')])).toBe(2);
    expect(await main(['--input', 'a', '--dataset', 'b', '--output', join(dir, 'x.json')])).toBe(2);
    await writeFile(join(dir, 'bad.jsonl'), '{"system":"ERP","localId":"1","givenName":"Secret"\n');
    expect(await main(['--input', join(dir, 'bad.jsonl'), '--output', join(dir, 'x.json')])).toBe(2);
    const text = err.mock.calls.map((c) => String(c[0])).join('');
    expect(text).toContain('bad.jsonl:1');
    expect(text).not.toContain('Secret');
  });
});

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetOptionsError } from './datasetErrors';
import { loadDataset } from './loadDataset';
import { DATASET_FILES } from './records';
import { writeDataset } from './writeDataset';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dataset-write-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeDataset', () => {
  it('writes byte-identical files for the same seed, size and noise', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    await writeDataset({ seed: 7, persons: 200, noise: 'default', out: a });
    await writeDataset({ seed: 7, persons: 200, noise: 'default', out: b });
    expect((await readdir(a)).sort()).toEqual(Object.values(DATASET_FILES).sort());
    for (const file of Object.values(DATASET_FILES)) {
      expect((await readFile(join(a, file))).equals(await readFile(join(b, file)))).toBe(true);
    }
  });

  it('writes another population for another seed', async () => {
    const a = join(root, 'seed1');
    const b = join(root, 'seed2');
    await writeDataset({ seed: 1, persons: 50, noise: 'default', out: a });
    await writeDataset({ seed: 2, persons: 50, noise: 'default', out: b });
    expect(await readFile(join(a, DATASET_FILES.truth), 'utf8')).not.toBe(await readFile(join(b, DATASET_FILES.truth), 'utf8'));
  });

  it('keeps a person the same whatever the population size', async () => {
    const small = join(root, 'small');
    const big = join(root, 'big');
    await writeDataset({ seed: 9, persons: 20, noise: 'default', out: small });
    await writeDataset({ seed: 9, persons: 60, noise: 'default', out: big });
    const first = (dir: string) => readFile(join(dir, DATASET_FILES.truth), 'utf8').then((t) => t.split('\n').slice(0, 20));
    expect(await first(small)).toEqual(await first(big));
  });

  it('applies more noise at the harsh level', async () => {
    const soft = join(root, 'soft');
    const harsh = join(root, 'harsh');
    await writeDataset({ seed: 3, persons: 600, noise: 'default', out: soft });
    const manifest = await writeDataset({ seed: 3, persons: 600, noise: 'harsh', out: harsh });
    expect(manifest.noise).toBe('harsh');
    const nulls = async (dir: string) => {
      const ds = await loadDataset(dir);
      return ds.cards.filter((r) => r.email === null || r.phone === null).length + ds.erp.filter((r) => r.email === null || r.phone === null).length;
    };
    expect(await nulls(harsh)).toBeGreaterThan(await nulls(soft));
  });

  it('rejects bad options with a typed error', async () => {
    const out = join(root, 'bad');
    await expect(writeDataset({ seed: 1, persons: 0, noise: 'default', out })).rejects.toThrow(DatasetOptionsError);
    await expect(writeDataset({ seed: 1.5, persons: 10, noise: 'default', out })).rejects.toThrow(DatasetOptionsError);
    await expect(writeDataset({ seed: 1, persons: 10, noise: 'loud' as never, out })).rejects.toThrow(DatasetOptionsError);
  });
});

import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetFormatError, DatasetMissingError } from './datasetErrors';
import { ensureDataset } from './ensureDataset';
import { loadDataset } from './loadDataset';
import { readJsonLines } from './readJsonLines';
import { DATASET_FILES } from './records';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dataset-ensure-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('ensureDataset', () => {
  it('generates when missing, reuses a matching dataset, regenerates on other options', async () => {
    const dir = join(root, 'cache');
    const first = await ensureDataset(dir, { seed: 5, persons: 30, noise: 'default' });
    expect(first.truth).toHaveLength(30);
    expect(first.manifest.asOf).toBe('2026-11-01T00:00:00.000Z');

    // A marker line proves the second call loaded the files as they were instead of regenerating.
    await appendFile(join(dir, DATASET_FILES.advisors), JSON.stringify({ advisorId: 'A0000', name: 'marker', slots: [] }) + '\n');
    const second = await ensureDataset(dir, { seed: 5, persons: 30, noise: 'default' });
    expect(second.advisors.some((a) => a.name === 'marker')).toBe(true);

    const third = await ensureDataset(dir, { seed: 5, persons: 40, noise: 'default' });
    expect(third.truth).toHaveLength(40);
    expect(third.advisors.some((a) => a.name === 'marker')).toBe(false);
  });

  it('regenerates over a corrupt manifest', async () => {
    const dir = join(root, 'corrupt');
    await ensureDataset(dir, { seed: 1, persons: 10 });
    await writeFile(join(dir, DATASET_FILES.manifest), '{not json');
    const ds = await ensureDataset(dir, { seed: 1, persons: 10 });
    expect(ds.manifest.persons).toBe(10);
  });
});

describe('loadDataset and readJsonLines', () => {
  it('refuses a directory without a manifest', async () => {
    await expect(loadDataset(join(root, 'nothing-here'))).rejects.toThrow(DatasetMissingError);
  });

  it('streams records and names the line of a malformed one without echoing it', async () => {
    const file = join(root, 'lines.jsonl');
    await writeFile(file, '{"a":1}\n\n{"a":2}\n{"secret": "Zoë Müller"\n');
    const seen: unknown[] = [];
    const error = await (async () => {
      try {
        for await (const record of readJsonLines(file)) seen.push(record);
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
    expect(error).toBeInstanceOf(DatasetFormatError);
    expect((error as DatasetFormatError).line).toBe(4);
    expect((error as Error).message).not.toContain('Zoë');
  });

  it('refuses lines that are not objects and missing files', async () => {
    const file = join(root, 'array.jsonl');
    await writeFile(file, '[1,2]\n');
    await expect(collect(readJsonLines(file))).rejects.toThrow(DatasetFormatError);
    await expect(collect(readJsonLines(join(root, 'absent.jsonl')))).rejects.toThrow(DatasetMissingError);
  });
});

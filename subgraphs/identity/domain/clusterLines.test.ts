import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readClusterLines, writeClusterLines } from './clusterLines';
import { MatchInputError } from './matchErrors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cluster-lines-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('cluster lines', () => {
  it('round-trips clusters', async () => {
    const file = join(dir, 'clusters.jsonl');
    const clusters = [{ customerId: 'cust_aaaaaaaaaaaaaaaa', members: [{ system: 'ERP' as const, localId: '1' }] }];
    expect(await writeClusterLines(file, clusters)).toBe(1);
    expect(await collect(readClusterLines(file))).toEqual(clusters);
  });

  it('writes many clusters (several megabytes, so several chunks) as one whole line each, in order', async () => {
    const file = join(dir, 'clusters.jsonl');
    const clusters = Array.from({ length: 40_000 }, (_, i) => ({
      customerId: `cust_${String(i).padStart(16, '0')}`,
      members: [
        { system: 'CORE_BANKING' as const, localId: `C${i}` },
        { system: 'CARDS' as const, localId: `K${i}` },
      ],
    }));
    expect(await writeClusterLines(file, clusters)).toBe(40_000);
    const text = await readFile(file, 'utf8');
    expect(text.length).toBeGreaterThan(3 * 2 ** 20);
    // Written down by hand: the line each cluster must give, byte for byte.
    const expected = clusters.map((c, i) => `{"customerId":"${c.customerId}","members":[{"system":"CORE_BANKING","localId":"C${i}"},{"system":"CARDS","localId":"K${i}"}]}\n`).join('');
    expect(text).toBe(expected);
  });

  it('rejects when the file cannot be written, without throwing past the promise', async () => {
    const clusters = [{ customerId: 'cust_aaaaaaaaaaaaaaaa', members: [{ system: 'ERP' as const, localId: '1' }] }];
    await expect(writeClusterLines(join(dir, 'no-such-dir', 'clusters.jsonl'), clusters)).rejects.toThrow();
  });

  it('rejects a line that is not a cluster, by line number', async () => {
    const file = join(dir, 'clusters.jsonl');
    await writeFile(file, '{"customerId":"c","members":[]}\n{"customerId":"c","members":[{"system":"MAINFRAME","localId":"1"}]}\n');
    await expect(collect(readClusterLines(file))).rejects.toThrow(MatchInputError);
    await expect(collect(readClusterLines(file))).rejects.toThrow(':2)');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

  it('rejects a line that is not a cluster, by line number', async () => {
    const file = join(dir, 'clusters.jsonl');
    await writeFile(file, '{"customerId":"c","members":[]}\n{"customerId":"c","members":[{"system":"MAINFRAME","localId":"1"}]}\n');
    await expect(collect(readClusterLines(file))).rejects.toThrow(MatchInputError);
    await expect(collect(readClusterLines(file))).rejects.toThrow(':2)');
  });
});

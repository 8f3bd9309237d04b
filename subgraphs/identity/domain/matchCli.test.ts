import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './matchCli';
import { party } from './partyFixtures';

let dir: string;
let stderr: jest.SpyInstance;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'match-cli-'));
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  stderr.mockRestore();
  await rm(dir, { recursive: true, force: true });
});

const written = (): string => stderr.mock.calls.map((c) => String(c[0])).join('');

describe('npm run match', () => {
  it('streams parties in and writes one cluster per line', async () => {
    const parties = [
      party('CORE_BANKING', '0000000001', { givenName: 'William', familyName: 'Hart', nationalId: 'AB123456C', phones: ['+447700900001'] }),
      party('CALL_CENTER', 'C000000001', { givenName: 'Bill', familyName: 'Hart', phones: ['07700 900001'] }),
      party('CORE_BANKING', '0000000002', { givenName: 'Ann', familyName: 'Lee', nationalId: 'AB223456C' }),
    ];
    const input = join(dir, 'parties.jsonl');
    const output = join(dir, 'clusters.jsonl');
    await writeFile(input, parties.map((p) => JSON.stringify(p)).join('\n') + '\n\n');
    expect(await main(['--input', input, '--output', output])).toBe(0);
    const lines = (await readFile(output, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.customerId).toMatch(/^cust_[a-z2-7]{16}$/);
    expect(lines.map((l) => l.members.length).sort()).toEqual([1, 2]);
    expect(written()).toContain('3 parties -> 2 clusters');
  });

  it('rejects a bad line with exit code 2, naming the line but not its content', async () => {
    const input = join(dir, 'parties.jsonl');
    await writeFile(input, JSON.stringify(party('ERP', '1')) + '\n{"system":"ERP","localId":"2","givenName":"Secret"\n');
    expect(await main(['--input', input, '--output', join(dir, 'out.jsonl')])).toBe(2);
    expect(written()).toContain(':2)');
    expect(written()).not.toContain('Secret');
  });

  it('reports usage and missing files with exit code 2', async () => {
    expect(await main([])).toBe(2);
    expect(await main(['--input', join(dir, 'missing.jsonl'), '--output', join(dir, 'o.jsonl')])).toBe(2);
    expect(written()).toContain('input file not found');
  });

  it('reads a partial config and steward overrides', async () => {
    const input = join(dir, 'parties.jsonl');
    const output = join(dir, 'clusters.jsonl');
    const a = party('CORE_BANKING', '0000000001', { givenName: 'Ann', familyName: 'Lee', nationalId: 'AB123456C', phones: ['+447700900001'] });
    const b = party('CALL_CENTER', 'C000000001', { givenName: 'Ann', familyName: 'Lee', phones: ['07700 900001'] });
    await writeFile(input, [a, b].map((p) => JSON.stringify(p)).join('\n'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ maxClusterSize: 4 }));
    await writeFile(join(dir, 'overrides.json'), JSON.stringify({ neverMatch: [[{ system: 'CORE_BANKING', localId: '0000000001' }, { system: 'CALL_CENTER', localId: 'C000000001' }]] }));
    expect(await main(['--input', input, '--output', output, '--config', join(dir, 'config.json'), '--overrides', join(dir, 'overrides.json')])).toBe(0);
    expect((await readFile(output, 'utf8')).trim().split('\n')).toHaveLength(2);
  });
});

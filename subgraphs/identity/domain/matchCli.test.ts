import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { main } from './matchCli';
import { modelToJson } from './matchModel';
import { handModel } from './modelFixtures';
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

  it('answers --help with the options and touches nothing', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      const text = out.mock.calls.map((c) => String(c[0])).join('');
      for (const option of ['--input', '--output', '--model', '--review', '--explain']) expect(text).toContain(option);
    } finally {
      out.mockRestore();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  const pair = [
    party('CORE_BANKING', '0000000001', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['+447700900001'] }),
    party('CALL_CENTER', 'C000000001', { givenName: 'Ann', familyName: 'Lee', phones: ['07700 900001'] }),
    party('CARDS', 'CH00000002', { rawName: 'LEE/ANNE', birthDate: '1980-01-02' }),
  ];

  it('uses a model file, and explains a pair as a waterfall of levels and weights', async () => {
    const input = join(dir, 'parties.jsonl');
    await writeFile(input, pair.map((p) => JSON.stringify(p)).join('\n'));
    await writeFile(join(dir, 'model.json'), modelToJson(handModel()));
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--input', input, '--model', join(dir, 'model.json'), '--explain', 'CORE_BANKING:0000000001', 'CALL_CENTER:C000000001'])).toBe(0);
      const text = out.mock.calls.map((c) => String(c[0])).join('');
      // The hand model: prior log2(0.001/0.999); the phone shared, log2(0.9/0.01); both names exact
      // and unlisted in its (empty) frequency tables, so rare: log2(0.9/0.001) each.
      const expected = Math.log2(0.001 / 0.999) + Math.log2(0.9 / 0.01) + 2 * Math.log2(0.9 / 0.001);
      expect(text).toContain(`match weight +${expected.toFixed(2)}`);
      expect(text).toMatch(/givenName +exact/);
      expect(text).not.toMatch(/ANN|LEE|7700/i);
    } finally {
      out.mockRestore();
    }
    expect(written()).toContain('given model');
  });

  it('writes the review queue with each pair’s explanation', async () => {
    const input = join(dir, 'parties.jsonl');
    await writeFile(input, pair.map((p) => JSON.stringify(p)).join('\n'));
    await writeFile(join(dir, 'model.json'), modelToJson(handModel()));
    // A review band wide enough to hold the card (names alike, birth date shared, nothing else).
    await writeFile(join(dir, 'config.json'), JSON.stringify({ thresholds: { review: 0.001, link: 0.999999999 } }));
    const review = join(dir, 'review.jsonl');
    expect(await main(['--input', input, '--model', join(dir, 'model.json'), '--config', join(dir, 'config.json'), '--review', review])).toBe(0);
    const items = (await readFile(review, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.reason).toMatch(/REVIEW_BAND|KEPT_APART/);
      const sum = item.explanation.steps.reduce((s: number, step: { weight: number }) => s + step.weight, item.explanation.priorWeight);
      expect(sum).toBeCloseTo(item.weight, 9);
    }
  });

  it.each([
    ['a model file that is not a model', '{"format":"other"}'],
    ['a model file that is not JSON', '{'],
  ])('refuses %s with exit code 2', async (_case, content) => {
    const input = join(dir, 'parties.jsonl');
    await writeFile(input, pair.map((p) => JSON.stringify(p)).join('\n'));
    await writeFile(join(dir, 'model.json'), content);
    expect(await main(['--input', input, '--output', join(dir, 'o.jsonl'), '--model', join(dir, 'model.json')])).toBe(2);
    expect(written()).toContain('model');
  });

  it('refuses --explain without two records, and unknown options', async () => {
    const input = join(dir, 'parties.jsonl');
    await writeFile(input, pair.map((p) => JSON.stringify(p)).join('\n'));
    expect(await main(['--input', input, '--explain', 'CORE_BANKING:0000000001'])).toBe(2);
    expect(await main(['--input', input, '--output', join(dir, 'o.jsonl'), '--bogus'])).toBe(2);
    expect(await main(['--input', input])).toBe(2);
  });
});

/**
 * Reading on two threads must give what reading in order gives: the same records in the same
 * order, duplicates resolved the same way, the same first bad line with its line number in the
 * whole file. These tests force the two-thread path on small files (`parallelFromBytes`), so the
 * worker thread really runs (from the TypeScript sources, through tsx's loader).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchInputError } from './matchErrors';
import { lineStartAfter, readNormalisedParties } from './parallelPartyRead';
import { party, ukAddress } from './partyFixtures';
import { dedupeAndSort } from './resolveParties';

const TWO_THREADS = { parallelFromBytes: 0 };
const ONE_THREAD = { parallelFromBytes: Number.POSITIVE_INFINITY };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parallel-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, lines.join('\n'));
  return path;
}

// 300 parties with every kind of field, some missing, some long (a key of 13+ characters), a
// non-Latin name, two phones and two emails on some.
const given = ['Ann', 'Bob', 'Zoë', 'Ng', '', 'Mary-Jane', 'Łukasz'];
const parties = Array.from({ length: 300 }, (_, i) =>
  party(i % 3 === 0 ? 'CORE_BANKING' : i % 3 === 1 ? 'CARDS' : 'ERP', `LOCAL-ID-${String(i).padStart(6, '0')}`, {
    givenName: given[i % given.length] || null,
    familyName: i % 11 === 0 ? null : `Family${i % 17}`,
    birthDate: i % 5 === 0 ? null : `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
    nationalId: i % 4 === 0 ? `AB${String(100000 + i)}C` : null,
    phones: i % 6 === 0 ? [] : i % 7 === 0 ? [`07700 9${String(i).padStart(5, '0')}`, `020 7946 ${String(i % 10000).padStart(4, '0')}`] : [`07700 9${String(i).padStart(5, '0')}`],
    emails: i % 8 === 0 ? [] : i % 9 === 0 ? [`p${i}@example.com`, `p${i}@work.example.org`] : [`person.${i}@example.com`],
    address: i % 10 === 0 ? null : ukAddress(`${i} High Street`, `YO${i % 30} 1AA`, i % 4 === 0 ? `Flat ${i % 5}` : null, i % 2 === 0 ? 'York' : 'Leeds'),
  }),
);
const lines = parties.map((p) => JSON.stringify(p));

describe('reading a parties file on two threads', () => {
  it('gives the records of reading in order, in the same order', async () => {
    const path = await file('all.jsonl', lines);
    const [one, two] = [{ threads: 0 }, { threads: 0 }];
    const inOrder = await readNormalisedParties(path, { ...ONE_THREAD, report: one });
    const twoThreads = await readNormalisedParties(path, { ...TWO_THREADS, report: two });
    expect([one.threads, two.threads]).toEqual([1, 2]);
    expect(inOrder.map((p) => p.key)).toEqual(parties.map((p) => `${p.system}:${p.localId}`));
    expect(twoThreads).toEqual(inOrder);
  });

  it('keeps blank lines and Windows line ends out, wherever the file is cut', async () => {
    const path = await file('crlf.jsonl', ['', ...lines.slice(0, 100).map((l) => `${l}\r`), '', '   ', ...lines.slice(100, 200), '']);
    const twoThreads = await readNormalisedParties(path, TWO_THREADS);
    expect(twoThreads.map((p) => p.key)).toEqual(parties.slice(0, 200).map((p) => `${p.system}:${p.localId}`));
  });

  it('lets the later of two lines with the same key win, across the cut', async () => {
    // The first line's party again at the end, with a new family name: the end is the worker's part.
    const changed = JSON.stringify({ ...parties[0], familyName: 'Changed' });
    const path = await file('dupes.jsonl', [...lines, changed]);
    const resolved = dedupeAndSort(await readNormalisedParties(path, TWO_THREADS));
    expect(resolved).toHaveLength(300);
    expect(resolved.find((p) => p.key === `${parties[0].system}:${parties[0].localId}`)?.family).toBe('CHANGED');
  });

  it.each([
    ['in the worker’s part', 250, 251],
    ['in this thread’s part', 3, 4],
  ])('names a bad line %s by its line in the whole file, without its content', async (_case, index, lineNumber) => {
    const bad = [...lines];
    bad[index] = '{"system":"NOWHERE","localId":"SECRET-VALUE"}';
    const path = await file(`bad-${index}.jsonl`, bad);
    const error = await readNormalisedParties(path, TWO_THREADS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatchInputError);
    expect((error as MatchInputError).line).toBe(lineNumber);
    expect((error as MatchInputError).message).toBe(`line is not a SourceParty (bad fields: system) (${path}:${lineNumber})`);
    expect((error as MatchInputError).message).not.toContain('SECRET');
  });

  it('reports the first bad line when both parts hold one', async () => {
    const bad = [...lines];
    bad[10] = 'not json';
    bad[280] = 'not json either';
    const path = await file('two-bad.jsonl', bad);
    await expect(readNormalisedParties(path, TWO_THREADS)).rejects.toMatchObject({ reason: 'line is not valid JSON', line: 11 });
  });

  it('reads a small file on one thread unless told otherwise', async () => {
    const report = { threads: 0 };
    await readNormalisedParties(await file('small.jsonl', lines), { report });
    expect(report.threads).toBe(1);
  });

  it('refuses a missing file with a typed error', async () => {
    await expect(readNormalisedParties(join(dir, 'missing.jsonl'), TWO_THREADS)).rejects.toMatchObject({ code: 'MATCH_INPUT_INVALID', reason: 'input file not found' });
  });

  it('reads an empty file as no records', async () => {
    await expect(readNormalisedParties(await file('empty.jsonl', []), TWO_THREADS)).resolves.toEqual([]);
  });
});

describe('lineStartAfter', () => {
  // "ab\ncd\n\nef": lines start at 0, 3, 6 and 7; the file is 9 bytes.
  it.each([
    [0, 0],
    [1, 3],
    [2, 3],
    [3, 3],
    [4, 6],
    [6, 6],
    [7, 7],
    [8, 9],
    [9, 9],
  ])('from byte %i is %i', async (from, start) => {
    const path = await file('offsets.txt', ['ab', 'cd', '', 'ef']);
    expect(await lineStartAfter(path, from, 9)).toBe(start);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePartyLine, readLines, readPartyLines, sourcePartyIssues } from './partyLines';

const ok = { system: 'ERP', localId: '1' };

describe('sourcePartyIssues at its edges', () => {
  it.each([
    ['not an object', null, ['(line)']],
    ['a number', 7, ['(line)']],
    ['a list', [], ['(line)']],
    ['the least party', ok, []],
    ['a missing system', { localId: '1' }, ['system']],
    ['a numeric local id', { system: 'ERP', localId: 1 }, ['localId']],
    ['null lists and texts', { ...ok, phones: null, emails: null, givenName: null }, []],
    ['a phone that is a number', { ...ok, phones: ['0770', 770] }, ['phones']],
    ['emails as text', { ...ok, emails: 'a@x.com' }, ['emails']],
    ['an email that is a number', { ...ok, emails: [1] }, ['emails']],
    ['every text field a number', { ...ok, givenName: 1, familyName: 1, rawName: 1, birthDate: 1, nationalId: 1, changedAt: 1 }, ['givenName', 'familyName', 'rawName', 'birthDate', 'nationalId', 'changedAt']],
    ['an address that is text', { ...ok, address: 'York' }, ['address']],
    ['an address that is a list', { ...ok, address: [] }, ['address']],
    ['every address field a number', { ...ok, address: { line1: 1, line2: 1, city: 1, postalCode: 1, country: 1 } }, ['address.line1', 'address.line2', 'address.city', 'address.postalCode', 'address.country']],
  ])('%s', (_case, value, issues) => {
    expect(sourcePartyIssues(value)).toEqual(issues);
  });
});

describe('parsePartyLine keeps what the line holds', () => {
  it('with every field given', () => {
    const line = JSON.stringify({ system: 'CARDS', localId: 'CH1', givenName: 'Ann', familyName: 'Lee', rawName: 'LEE/ANN', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['0770'], emails: ['a@x.com'], address: { line1: '1 Elm Rd', line2: 'Flat 2', city: 'York', postalCode: 'YO1 1AA', country: 'GB' }, changedAt: '2026-01-01T00:00:00Z' });
    expect(parsePartyLine(line)).toEqual({ system: 'CARDS', localId: 'CH1', givenName: 'Ann', familyName: 'Lee', rawName: 'LEE/ANN', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['0770'], emails: ['a@x.com'], address: { line1: '1 Elm Rd', line2: 'Flat 2', city: 'York', postalCode: 'YO1 1AA', country: 'GB' }, changedAt: '2026-01-01T00:00:00Z' });
  });

  it('with an address of missing fields', () => {
    expect(parsePartyLine(JSON.stringify({ ...ok, address: { city: 'York' } })).address).toEqual({ line1: null, line2: null, city: 'York', postalCode: null, country: null });
  });
});

describe('readLines and readPartyLines', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'party-lines-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('numbers every line and skips blank ones', async () => {
    const file = join(dir, 'p.jsonl');
    await writeFile(file, 'a\n\n  \r\nb\r\nc');
    const lines: Array<{ line: string; lineNumber: number }> = [];
    for await (const l of readLines(file)) lines.push(l);
    expect(lines).toEqual([{ line: 'a', lineNumber: 1 }, { line: 'b', lineNumber: 4 }, { line: 'c', lineNumber: 5 }]);
  });

  it('reads parties, naming a bad line by its number', async () => {
    const file = join(dir, 'p.jsonl');
    await writeFile(file, `${JSON.stringify(ok)}\n\n{"system":"X"}\n`);
    const read: unknown[] = [];
    await expect(
      (async () => {
        for await (const p of readPartyLines(file)) read.push(p);
      })(),
    ).rejects.toThrow(`line is not a SourceParty (bad fields: system, localId) (${file}:3)`);
    expect(read).toHaveLength(1);
  });

  it('says a missing file is missing', async () => {
    const file = join(dir, 'none.jsonl');
    await expect(
      (async () => {
        for await (const l of readLines(file)) void l;
      })(),
    ).rejects.toThrow(`input file not found (${file})`);
  });
});

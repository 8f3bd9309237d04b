import type { SourceParty } from '../../../adapters/canonical';
import { party } from '../testing/fakeSourceAdapter';
import { copyText, type BulkValue, type CopyWriter } from './bulkRows';
import { PartyTexts } from './partyTexts';
import { recordEncoder, RecordEncodingError } from './recordEncoder';

/** A COPY writer that keeps what it was given, as COPY text per table (this module's one collaborator). */
function recordingWriter() {
  const tables = new Map<string, string>();
  const add = (table: string, text: string) => tables.set(table, (tables.get(table) ?? '') + text);
  const writer: CopyWriter = {
    method: 'copy',
    append: async (table: string, _columns: readonly string[], rows: readonly (readonly BulkValue[])[]) => {
      if (rows.length > 0) add(table, copyText(rows));
    },
    appendCopyText: async (table: string, _columns: readonly string[], text: Uint8Array) => {
      if (text.byteLength > 0) add(table, new TextDecoder().decode(text));
    },
  };
  return { writer, tables };
}

const PARTIES: SourceParty[] = [
  party('CORE_BANKING', '1000000001', { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1815-12-10', emails: ['ada@example.org'], phones: ['07700 900123'] }),
  party('CARDS', 'CH10000002', { givenName: 'Tab\there', familyName: 'Back\\slash', rawName: 'two\nlines', emails: [], phones: ['+44 7700 900456'] }),
  party('CALL_CENTER', 'C100000003', { givenName: 'Zoë', familyName: 'Ünal', emails: ['zoe@example.org'], phones: [] }),
];

async function encodeWith(threadsFrom: number) {
  const { writer, tables } = recordingWriter();
  const encoder = recordEncoder(writer, threadsFrom);
  try {
    const encoded = await encoder.encode(PARTIES);
    await encoded.write();
    const texts = new PartyTexts();
    texts.add(encoded.texts);
    return { normalised: encoded.normalised, texts: PARTIES.map((_, i) => texts.text(i)), tables, threads: encoder.threads };
  } finally {
    await encoder.close();
  }
}

describe('record encoder', () => {
  it('encodes a batch at the threshold on a worker thread exactly as this thread does', async () => {
    const here = await encodeWith(100);
    const there = await encodeWith(3);
    expect(here.threads).toBe(0);
    expect(there.threads).toBeGreaterThanOrEqual(1);
    expect(there.normalised).toEqual(here.normalised);
    expect([...there.tables.keys()].sort()).toEqual(['blocking_keys', 'search_keys', 'source_records']);
    expect(Object.fromEntries(there.tables)).toEqual(Object.fromEntries(here.tables));
    expect(there.texts).toEqual(here.texts);
  }, 30_000);

  it('keeps each record’s JSON for the discrepancy pass, in the batch’s order, on either thread', async () => {
    for (const threadsFrom of [100, 1]) {
      const { texts } = await encodeWith(threadsFrom);
      expect(texts.map((text) => JSON.parse(text) as unknown)).toEqual(PARTIES);
      expect(texts[2]).toContain('"givenName":"Zoë"');
    }
  }, 30_000);

  it('writes each record once, escaped for COPY, with the party as its JSON (checked by hand)', async () => {
    const { tables, normalised } = await encodeWith(1);
    const lines = tables.get('source_records')!.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.split('\t').slice(0, 3))).toEqual([
      ['CORE_BANKING:1000000001', 'CORE_BANKING', '1000000001'],
      ['CARDS:CH10000002', 'CARDS', 'CH10000002'],
      ['CALL_CENTER:C100000003', 'CALL_CENTER', 'C100000003'],
    ]);
    // JSON keeps a tab as \t and a newline as \n, and COPY doubles the backslash.
    expect(lines[1]).toContain('"givenName":"Tab\\\\there"');
    expect(lines[1]).toContain('"rawName":"two\\\\nlines"');
    expect(lines[2]).toContain('"givenName":"Zoë"');
    expect(normalised.map((n) => n.key)).toEqual(['CORE_BANKING:1000000001', 'CARDS:CH10000002', 'CALL_CENTER:C100000003']);
    expect(normalised[0].phones).toBe('+447700900123');
    expect(tables.get('search_keys')).toContain('e:zoe@example.org\tCALL_CENTER:C100000003\n');
  }, 30_000);

  it('refuses a batch its thread cannot encode with a typed error that names no data, and refuses work once closed', async () => {
    const { writer } = recordingWriter();
    const encoder = recordEncoder(writer, 1);
    try {
      const broken = { ...PARTIES[0], givenName: 'SECRET', emails: 7700900999 } as unknown as SourceParty; // emails not a list
      const failure = await encoder.encode([broken]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RecordEncodingError);
      expect(String((failure as Error).message)).not.toMatch(/SECRET|7700/);
    } finally {
      await encoder.close();
    }
    await expect(encoder.encode(PARTIES)).rejects.toThrow(RecordEncodingError);
  }, 30_000);
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardholderFileError, loadCardholderFile, readCardholderFile } from './cardholderFile';
import { makeCardholders } from './cardsTestRecords';

describe('cardholderFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cards-file-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every record, skipping blank lines', async () => {
    const records = makeCardholders(4);
    const path = join(dir, 'ok.jsonl');
    await writeFile(path, records.map((r) => JSON.stringify(r)).join('\n\n') + '\n');
    expect(await loadCardholderFile(path)).toEqual(records);
  });

  it('stops reading when the consumer stops', async () => {
    const path = join(dir, 'early.jsonl');
    await writeFile(path, makeCardholders(10).map((r) => JSON.stringify(r)).join('\n'));
    const seen: string[] = [];
    for await (const record of readCardholderFile(path)) {
      seen.push(record.cardholderId);
      if (seen.length === 2) break;
    }
    expect(seen).toHaveLength(2);
  });

  it('names the bad line without echoing its content', async () => {
    const path = join(dir, 'bad.jsonl');
    await writeFile(path, `${JSON.stringify(makeCardholders(1)[0])}\n{"cardholderId": "CH1", "secret": "JANE SMITH"\n`);
    const error = await loadCardholderFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardholderFileError);
    expect((error as Error).message).toBe('cards file line 2 is not JSON');
    await writeFile(path, '{"name":"JANE SMITH"}\n');
    await expect(loadCardholderFile(path)).rejects.toThrow('cards file line 1 is not a cardholder record');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { callCenterFixtures } from './callCenterFixtures';
import { CallCenterFileError, loadCallCenterRecords } from './callCenterFiles';

describe('loadCallCenterRecords', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'call-center-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads contacts and advisors from JSONL, skipping blank lines', async () => {
    const { contacts, advisors } = callCenterFixtures();
    await writeFile(path.join(dir, 'call-center.jsonl'), contacts.map((c) => JSON.stringify(c)).join('\n') + '\n\n');
    await writeFile(path.join(dir, 'advisors.jsonl'), advisors.map((a) => JSON.stringify(a)).join('\n'));
    expect(await loadCallCenterRecords(dir)).toEqual({ contacts, advisors });
  });

  it('names the bad line without echoing it', async () => {
    await writeFile(path.join(dir, 'call-center.jsonl'), '{"contactId":"C000000001","phone":"07700 900123"\n');
    await writeFile(path.join(dir, 'advisors.jsonl'), '');
    const error = await loadCallCenterRecords(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallCenterFileError);
    expect((error as Error).message).toBe('call-center.jsonl line 1 is not JSON');
  });
});

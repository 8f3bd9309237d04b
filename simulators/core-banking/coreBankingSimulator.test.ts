import http from 'node:http';
import type { RunningSimulator } from '../kit/simulatorServer';
import type { CoreBankingCustomerRecord } from '../dataset/records';
import { fromEbcdic, toEbcdic } from './ccsid870';
import type { HostLayout } from './copybookReader';
import { startCoreBankingSimulator } from './coreBankingSimulator';
import { ACCTREC, CHGREC, CUSTREC, ERRREC, TRLREC, TXNREC } from './recordLines';
import { sampleCustomer, sampleCustomers } from './sampleCustomers';

const cif = (n: number) => String(n).padStart(10, '0');

/**
 * Reads an answer the way PROTOCOL.md describes it, with the simulator's own layouts: host bytes,
 * one record per LF, the trailer last. Fields come back as the raw wire text (trailing spaces
 * trimmed), so the expectations below are what the host writes, worked out by hand.
 */
const LAYOUTS: Record<string, HostLayout> = { CU: CUSTREC, AC: ACCTREC, TX: TXNREC, CH: CHGREC, TR: TRLREC, ER: ERRREC };
function fieldsOf(line: string): Record<string, string> {
  const layout = LAYOUTS[line.slice(0, 2)];
  if (!layout || line.length !== layout.length) throw new Error('not a record of a known type and length');
  return Object.fromEntries([...layout.fields.values()].map((f) => [f.name, line.slice(f.offset, f.offset + f.length).trimEnd()]));
}
function readResponse(bytes: Buffer): { records: Array<{ type: string; fields: Record<string, string> }>; trailer: { recordCount: number; nextCursor: string } } {
  const text = fromEbcdic(bytes);
  if (!text.endsWith('\n')) throw new Error('answer does not end with a complete record');
  const lines = text.slice(0, -1).split('\n');
  const trailer = fieldsOf(lines.pop()!);
  if (trailer['TRL-REC-TYPE'] !== 'TR' || Number(trailer['TRL-RECORD-COUNT']) !== lines.length) throw new Error('trailer missing or wrong count');
  return {
    records: lines.map((line) => ({ type: line.slice(0, 2), fields: fieldsOf(line) })),
    trailer: { recordCount: Number(trailer['TRL-RECORD-COUNT']), nextCursor: String(Number(trailer['TRL-NEXT-CURSOR'])) },
  };
}
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('core-banking simulator over HTTP', () => {
  let sim: RunningSimulator;
  const get = (path: string, init?: RequestInit) => fetch(`${sim.url}${path}`, init);
  const post = (path: string, body: string) => fetch(`${sim.url}${path}`, { method: 'POST', body: new Uint8Array(toEbcdic(body)) });
  const admin = (path: string, body?: unknown) =>
    fetch(`${sim.url}/__admin/${path}`, body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) });
  const errorOf = async (response: Response) => fieldsOf(fromEbcdic(await bytesOf(response)).replace(/\n$/, ''));

  beforeEach(async () => {
    sim = await startCoreBankingSimulator({ records: sampleCustomers(60), port: 0 });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers a single inquiry with one CUSTREC and a trailer', async () => {
    const response = await get(`/cics/custinq/${cif(7)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=IBM870');
    const { records, trailer } = readResponse(await bytesOf(response));
    expect(trailer.recordCount).toBe(1);
    expect(records[0].type).toBe('CU');
    expect(records[0].fields).toMatchObject({
      'CUST-CIF': cif(7),
      'CUST-STATUS': 'A',
      'CUST-GIVEN-NAME': 'ZOË',
      'CUST-FAMILY-NAME': 'EXAMPLE0007',
      'CUST-BIRTH-DATE': '19840229',
      'CUST-ADDR-LINE2': '',
      'CUST-EMAIL': 'ZOE.EXAMPLE0007@EXAMPLE.COM',
      'CUST-INCOME-IND': 'Y',
      'CUST-INCOME': '000000425000{', // 42,500.00 in S9(11)V99: +0 overpunched as {
      'CUST-CHANGED-TS': '20261001093000000',
    });
  });

  it('answers a batch in request order, an unknown CIF as a not-found record', async () => {
    const response = await post('/cics/custinq', `${cif(3)}\n${cif(999)}\n${cif(1)}\n`);
    expect(response.status).toBe(200);
    const { records } = readResponse(await bytesOf(response));
    expect(records.map((r) => [r.fields['CUST-CIF'], r.fields['CUST-STATUS']])).toEqual([
      [cif(3), 'A'],
      [cif(999), 'N'],
      [cif(1), 'A'],
    ]);
    expect(records[1].fields['CUST-FAMILY-NAME']).toBe('');
  });

  it('refuses more than 50 CIFs with a LENGERR error record', async () => {
    const body = Array.from({ length: 51 }, (_, i) => cif(i + 1)).join('\n');
    const response = await post('/cics/custinq', body);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ 'ERR-REC-TYPE': 'ER', 'ERR-CODE': 'LENGERR', 'ERR-RESP': '0022' });
    expect((await post('/cics/custinq', Array.from({ length: 50 }, (_, i) => cif(i + 1)).join('\n'))).status).toBe(200);
  });

  it('refuses a malformed CIF, account number, cursor or limit with INVREQ', async () => {
    for (const response of [
      await get('/cics/custinq/12345'),
      await post('/cics/custinq', `${cif(1)}\nABC\n`),
      await post('/cics/acctinq', ''),
      await get('/cics/txninq/12'),
      await get(`/cics/txninq/10${cif(1)}?limit=0`),
      await get('/cics/chgfeed?cursor=abc'),
    ]) {
      expect(response.status).toBe(400);
      expect((await errorOf(response))['ERR-CODE']).toBe('INVREQ');
    }
  });

  it('answers an unknown URL with PGMIDERR', async () => {
    const response = await get('/cics/nosuchprogram');
    expect(response.status).toBe(404);
    expect((await errorOf(response))['ERR-CODE']).toBe('PGMIDERR');
  });

  it('lists accounts of a batch of CIFs, none for an unknown one', async () => {
    const { records } = readResponse(await bytesOf(await post('/cics/acctinq', `${cif(2)}\n${cif(999)}`)));
    expect(records.map((r) => r.fields)).toEqual([
      // -12.34 in S9(13)V99: -4 overpunched as M; -125,000.00: -0 as }.
      expect.objectContaining({ 'ACCT-CIF': cif(2), 'ACCT-NUMBER': `10${cif(2)}`, 'ACCT-TYPE': 'CA', 'ACCT-BALANCE': '00000000000123M', 'ACCT-STATUS': 'O' }),
      expect.objectContaining({ 'ACCT-CIF': cif(2), 'ACCT-TYPE': 'LN', 'ACCT-BALANCE': '00000001250000}', 'ACCT-OPEN-DATE': '20200115' }),
    ]);
    const single = readResponse(await bytesOf(await get(`/cics/acctinq/${cif(2)}`)));
    expect(single.trailer.recordCount).toBe(2);
  });

  it('lists the newest transactions first, up to the limit', async () => {
    const { records } = readResponse(await bytesOf(await get(`/cics/txninq/10${cif(4)}?limit=2`)));
    expect(records.map((r) => [r.fields['TXN-BOOK-DATE'], r.fields['TXN-AMOUNT'], r.fields['TXN-DESCRIPTION']])).toEqual([
      ['20261125', '00000000025000{', 'SALARY'],
      ['20261120', '00000000000459R', 'TESCO STORES'],
    ]);
    const unknown = readResponse(await bytesOf(await get('/cics/txninq/999999999999')));
    expect(unknown.records).toEqual([]);
  });

  it('reports an admin edit on the change feed and serves the edited record', async () => {
    const edit = await admin('records', { cif: cif(5), changes: { email: 'new.address@example.com', addressLine1: '1 New Road' } });
    expect(edit.status).toBe(200);
    const page = readResponse(await bytesOf(await get('/cics/chgfeed')));
    expect(page.records.map((r) => [r.fields['CHG-SEQ'], r.fields['CHG-ENTITY'], r.fields['CHG-LOCAL-ID']])).toEqual([['000000000001', 'PARTY', cif(5)]]);
    expect(page.trailer.nextCursor).toBe('1');
    const after = readResponse(await bytesOf(await get(`/cics/chgfeed?cursor=${page.trailer.nextCursor}`)));
    expect(after.records).toEqual([]);
    expect(after.trailer.nextCursor).toBe('1');
    const { records } = readResponse(await bytesOf(await get(`/cics/custinq/${cif(5)}`)));
    expect(records[0].fields['CUST-EMAIL']).toBe('NEW.ADDRESS@EXAMPLE.COM');
    expect(records[0].fields['CUST-ADDR-LINE1']).toBe('1 NEW ROAD');
    expect(records[0].fields['CUST-CHANGED-TS']).not.toBe('20261001093000000');
  });

  it('refuses an invalid edit', async () => {
    expect((await admin('records', { cif: cif(5), changes: { shoeSize: 9 } })).status).toBe(400);
    expect((await admin('records', { cif: cif(999), changes: { email: 'x@example.com' } })).status).toBe(400);
    expect((await admin('records', { cif: cif(5), changes: {} })).status).toBe(400);
  });

  it('restores the initial records and empties the feed on reset', async () => {
    await admin('records', { cif: cif(5), changes: { email: 'new.address@example.com' } });
    expect((await admin('reset')).status).toBe(200);
    const { records } = readResponse(await bytesOf(await get(`/cics/custinq/${cif(5)}`)));
    expect(records[0].fields['CUST-EMAIL']).toBe('ZOE.EXAMPLE0005@EXAMPLE.COM');
    expect(readResponse(await bytesOf(await get('/cics/chgfeed'))).records).toEqual([]);
  });

  it('streams the bulk extract with a trailer counting every record', async () => {
    const response = await get('/batch/custmast');
    expect(response.status).toBe(200);
    const { records, trailer } = readResponse(await bytesOf(response));
    expect(records).toHaveLength(60);
    expect(trailer.recordCount).toBe(60);
    expect(records[59].fields['CUST-CIF']).toBe(cif(60));
  });

  it('counts requests by operation', async () => {
    await get(`/cics/custinq/${cif(1)}`);
    await post('/cics/custinq', cif(1));
    await post('/cics/custinq', cif(2));
    const stats = (await (await get('/__admin/stats')).json()) as { byOperation: Record<string, number> };
    expect(stats.byOperation).toMatchObject({ customerInquiry: 1, customerInquiryBatch: 2 });
  });

  describe('faults through the kit', () => {
    it('error: answers its 5xx dialect, an ASRA abend record', async () => {
      sim.setFaults({ errorRate: 1 });
      const response = await get(`/cics/custinq/${cif(1)}`);
      expect(response.status).toBe(500);
      expect(await errorOf(response)).toMatchObject({ 'ERR-CODE': 'ASRA', 'ERR-MESSAGE': 'TRANSACTION ABENDED' });
    });

    it('malformed: cuts the record short', async () => {
      sim.setFaults({ malformedRate: 1 });
      const response = await get(`/cics/custinq/${cif(1)}`);
      expect(response.status).toBe(200);
      const body = await bytesOf(response);
      expect(() => readResponse(body)).toThrow();
      sim.setFaults({ malformedRate: 0 });
      const full = await bytesOf(await get('/batch/custmast'));
      sim.setFaults({ malformedRate: 1 });
      const text = await bytesOf(await get('/batch/custmast'));
      expect(text.length).toBeLessThan(full.length);
      expect(() => readResponse(text)).toThrow();
    });

    it('outage: resets the connection', async () => {
      sim.setFaults({ down: true });
      await expect(get(`/cics/custinq/${cif(1)}`)).rejects.toThrow();
      sim.setFaults({ down: false });
      expect((await get(`/cics/custinq/${cif(1)}`)).status).toBe(200);
    });

    it('latency: holds the answer back', async () => {
      // The answer cannot arrive before the injected latency, so a much shorter deadline always expires.
      sim.setFaults({ latencyMs: 300 });
      await expect(get(`/cics/custinq/${cif(1)}`, { signal: AbortSignal.timeout(30) })).rejects.toThrow();
      sim.setFaults({ latencyMs: 0 });
      expect((await get(`/cics/custinq/${cif(1)}`)).status).toBe(200);
    });
  });
});

describe('bulk extract streaming', () => {
  it('pulls the source only as the client reads, and stops it when the client goes away', async () => {
    const total = 5_000_000;
    let pulled = 0;
    let closed!: () => void;
    const sourceClosed = new Promise<void>((resolve) => (closed = resolve));
    async function* source(): AsyncGenerator<CoreBankingCustomerRecord> {
      try {
        for (let i = 1; i <= total; i++) {
          pulled = i;
          yield sampleCustomer(cif(i), { accounts: [] });
        }
      } finally {
        closed();
      }
    }
    const sim = await startCoreBankingSimulator({ records: [], extractSource: source });
    try {
      await new Promise<void>((resolve, reject) => {
        const request = http.get(`${sim.url}/batch/custmast`, (response) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        });
        request.on('error', (error) => (error.message.includes('socket hang up') ? resolve() : reject(error)));
      });
      await sourceClosed;
      expect(pulled).toBeGreaterThan(0);
      expect(pulled).toBeLessThan(total / 10);
    } finally {
      await sim.close();
    }
  });
});

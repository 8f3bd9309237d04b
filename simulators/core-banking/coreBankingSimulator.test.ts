import http from 'node:http';
import type { RunningSimulator } from '../kit/simulatorServer';
import type { CoreBankingCustomerRecord } from '../dataset/records';
import { readResponse } from '../../adapters/core-banking/recordFraming';
import { decodeRecord } from '../../adapters/core-banking/copybookCodec';
import { ERRREC } from '../../adapters/core-banking/coreBankingCopybooks';
import { startCoreBankingSimulator } from './coreBankingSimulator';
import { sampleCustomer, sampleCustomers } from './sampleCustomers';

const cif = (n: number) => String(n).padStart(10, '0');

describe('core-banking simulator over HTTP', () => {
  let sim: RunningSimulator;
  const get = (path: string, init?: RequestInit) => fetch(`${sim.url}${path}`, init);
  const post = (path: string, body: string) => fetch(`${sim.url}${path}`, { method: 'POST', body });
  const admin = (path: string, body?: unknown) =>
    fetch(`${sim.url}/__admin/${path}`, body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) });
  const errorOf = async (response: Response) => decodeRecord(ERRREC, (await response.text()).replace(/\n$/, ''));

  beforeEach(async () => {
    sim = await startCoreBankingSimulator({ records: sampleCustomers(60), port: 0 });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers a single inquiry with one CUSTREC and a trailer', async () => {
    const response = await get(`/cics/custinq/${cif(7)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const { records, trailer } = readResponse(await response.text());
    expect(trailer.recordCount).toBe(1);
    expect(records[0].type).toBe('CU');
    expect(records[0].fields).toMatchObject({
      'CUST-CIF': cif(7),
      'CUST-STATUS': 'A',
      'CUST-GIVEN-NAME': 'ZOE',
      'CUST-FAMILY-NAME': 'EXAMPLE0007',
      'CUST-BIRTH-DATE': '1984-02-29',
      'CUST-ADDR-LINE2': '',
      'CUST-EMAIL': 'ZOE.EXAMPLE0007@EXAMPLE.COM',
      'CUST-INCOME-IND': 'Y',
      'CUST-INCOME': 4_250_000,
      'CUST-CHANGED-TS': '2026-10-01T09:30:00.000Z',
    });
  });

  it('answers a batch in request order, an unknown CIF as a not-found record', async () => {
    const response = await post('/cics/custinq', `${cif(3)}\n${cif(999)}\n${cif(1)}\n`);
    expect(response.status).toBe(200);
    const { records } = readResponse(await response.text());
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
    const { records } = readResponse(await (await post('/cics/acctinq', `${cif(2)}\n${cif(999)}`)).text());
    expect(records.map((r) => r.fields)).toEqual([
      expect.objectContaining({ 'ACCT-CIF': cif(2), 'ACCT-NUMBER': `10${cif(2)}`, 'ACCT-TYPE': 'CA', 'ACCT-BALANCE': -1234, 'ACCT-STATUS': 'O' }),
      expect.objectContaining({ 'ACCT-CIF': cif(2), 'ACCT-TYPE': 'LN', 'ACCT-BALANCE': -12_500_000, 'ACCT-OPEN-DATE': '2020-01-15' }),
    ]);
    const single = readResponse(await (await get(`/cics/acctinq/${cif(2)}`)).text());
    expect(single.trailer.recordCount).toBe(2);
  });

  it('lists the newest transactions first, up to the limit', async () => {
    const { records } = readResponse(await (await get(`/cics/txninq/10${cif(4)}?limit=2`)).text());
    expect(records.map((r) => [r.fields['TXN-BOOK-DATE'], r.fields['TXN-AMOUNT'], r.fields['TXN-DESCRIPTION']])).toEqual([
      ['2026-11-25', 250_000, 'SALARY'],
      ['2026-11-20', -4_599, 'TESCO STORES'],
    ]);
    const unknown = readResponse(await (await get('/cics/txninq/999999999999')).text());
    expect(unknown.records).toEqual([]);
  });

  it('reports an admin edit on the change feed and serves the edited record', async () => {
    const edit = await admin('records', { cif: cif(5), changes: { email: 'new.address@example.com', addressLine1: '1 New Road' } });
    expect(edit.status).toBe(200);
    const page = readResponse(await (await get('/cics/chgfeed')).text());
    expect(page.records.map((r) => [r.fields['CHG-SEQ'], r.fields['CHG-ENTITY'], r.fields['CHG-LOCAL-ID']])).toEqual([['000000000001', 'PARTY', cif(5)]]);
    expect(page.trailer.nextCursor).toBe('1');
    const after = readResponse(await (await get(`/cics/chgfeed?cursor=${page.trailer.nextCursor}`)).text());
    expect(after.records).toEqual([]);
    expect(after.trailer.nextCursor).toBe('1');
    const { records } = readResponse(await (await get(`/cics/custinq/${cif(5)}`)).text());
    expect(records[0].fields['CUST-EMAIL']).toBe('NEW.ADDRESS@EXAMPLE.COM');
    expect(records[0].fields['CUST-ADDR-LINE1']).toBe('1 NEW ROAD');
    expect(records[0].fields['CUST-CHANGED-TS']).not.toBe('2026-10-01T09:30:00.000Z');
  });

  it('refuses an invalid edit', async () => {
    expect((await admin('records', { cif: cif(5), changes: { shoeSize: 9 } })).status).toBe(400);
    expect((await admin('records', { cif: cif(999), changes: { email: 'x@example.com' } })).status).toBe(400);
    expect((await admin('records', { cif: cif(5), changes: {} })).status).toBe(400);
  });

  it('restores the initial records and empties the feed on reset', async () => {
    await admin('records', { cif: cif(5), changes: { email: 'new.address@example.com' } });
    expect((await admin('reset')).status).toBe(200);
    const { records } = readResponse(await (await get(`/cics/custinq/${cif(5)}`)).text());
    expect(records[0].fields['CUST-EMAIL']).toBe('ZOE.EXAMPLE0005@EXAMPLE.COM');
    expect(readResponse(await (await get('/cics/chgfeed')).text()).records).toEqual([]);
  });

  it('streams the bulk extract with a trailer counting every record', async () => {
    const response = await get('/batch/custmast');
    expect(response.status).toBe(200);
    const { records, trailer } = readResponse(await response.text());
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
      const body = await response.text();
      expect(() => readResponse(body)).toThrow();
      sim.setFaults({ malformedRate: 0 });
      const full = await (await get('/batch/custmast')).text();
      sim.setFaults({ malformedRate: 1 });
      const text = await (await get('/batch/custmast')).text();
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

import { decideFault, delayFor, faultConfigSchema, NO_FAULTS, truncateBody, truncateStream } from './faults';

describe('faults', () => {
  it('defaults to no fault', () => {
    expect(faultConfigSchema.parse({})).toEqual(NO_FAULTS);
    expect(decideFault(NO_FAULTS, () => 0)).toBe('ok');
    expect(delayFor(NO_FAULTS, () => 0.9)).toBe(0);
  });

  it('refuses unknown keys and out-of-range rates', () => {
    expect(faultConfigSchema.safeParse({ errorRate: 2 }).success).toBe(false);
    expect(faultConfigSchema.safeParse({ nonsense: true }).success).toBe(false);
  });

  it('orders outage before error before malformed', () => {
    const all = { ...NO_FAULTS, down: true, errorRate: 1, malformedRate: 1 };
    expect(decideFault(all, () => 0)).toBe('outage');
    expect(decideFault({ ...all, down: false }, () => 0)).toBe('error');
    expect(decideFault({ ...all, down: false, errorRate: 0 }, () => 0)).toBe('malformed');
    expect(decideFault({ ...NO_FAULTS, errorRate: 0.5 }, () => 0.7)).toBe('ok');
  });

  it('applies jitter symmetrically around the latency and never below zero', () => {
    const config = { ...NO_FAULTS, latencyMs: 100, jitterMs: 30 };
    expect(delayFor(config, () => 0)).toBe(70);
    expect(delayFor(config, () => 0.5)).toBe(100);
    expect(delayFor({ ...NO_FAULTS, latencyMs: 10, jitterMs: 50 }, () => 0)).toBe(0);
  });

  it('truncates a body to an unparseable half', () => {
    expect(truncateBody('{"a":1}')).toBe('{"a');
    expect(() => JSON.parse(truncateBody(JSON.stringify({ a: [1, 2, 3] })))).toThrow();
    expect([...truncateBody(Buffer.from([0xc1, 0xc2, 0xc3, 0x25]))]).toEqual([0xc1, 0xc2]);
  });

  it('cuts a streamed body short', async () => {
    async function* source(): AsyncGenerator<string> {
      yield 'AAAAAAAA\n';
      yield 'BBBBBBBB\n';
    }
    const chunks: string[] = [];
    for await (const chunk of truncateStream(source())) chunks.push(chunk);
    expect(chunks.join('')).toBe('AAAA');
  });
});

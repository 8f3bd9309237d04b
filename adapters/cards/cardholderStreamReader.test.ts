import { PassThrough, Readable } from 'node:stream';
import { UpstreamProtocolError, UpstreamTimeout, UpstreamUnavailable } from '../kit';
import { readCardholderStream } from './cardholderStreamReader';
import type { WireCardholder } from './cardsWireSchemas';

const holder = (id: string): WireCardholder => ({
  object: 'cardholder',
  id,
  name_on_card: 'SMITH/JANE',
  birth_date: null,
  email: null,
  phone_number: null,
  billing_address: null,
  updated_at: '2026-10-01T09:00:00.000Z',
});

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const trailer = (count: number) => line({ object: 'extract_end', count });

async function readAll(stream: Readable, idleTimeoutMs = 1000): Promise<string[]> {
  const ids: string[] = [];
  for await (const wire of readCardholderStream(stream, 'streamCardholders', idleTimeoutMs)) ids.push(wire.id);
  return ids;
}

describe('readCardholderStream', () => {
  it('reads every cardholder of a complete stream, however it is chunked', async () => {
    const text = line(holder('CH00000001')) + line(holder('CH00000002')) + trailer(2);
    const chunks = [text.slice(0, 17), text.slice(17, 200), text.slice(200)];
    expect(await readAll(Readable.from(chunks))).toEqual(['CH00000001', 'CH00000002']);
  });

  it('refuses a stream without its trailer, with a wrong count, or with data after it', async () => {
    await expect(readAll(Readable.from([line(holder('CH00000001'))]))).rejects.toBeInstanceOf(UpstreamProtocolError);
    await expect(readAll(Readable.from([line(holder('CH00000001')) + trailer(2)]))).rejects.toThrow(/count/);
    await expect(readAll(Readable.from([trailer(0) + line(holder('CH00000001'))]))).rejects.toThrow(/after the extract trailer/);
  });

  it('refuses a line that is not JSON or not a cardholder, without echoing it', async () => {
    const error = await readAll(Readable.from(['{"object":"cardholder","id":"CH1","name_on_card":"SMITH/JANE"\n'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamProtocolError);
    expect((error as Error).message).not.toContain('SMITH');
    await expect(readAll(Readable.from(['not json\n', trailer(0)]))).rejects.toBeInstanceOf(UpstreamProtocolError);
  });

  it('turns a broken stream into UpstreamUnavailable', async () => {
    const stream = new PassThrough();
    stream.write(line(holder('CH00000001')));
    setImmediate(() => stream.destroy(new Error('socket hang up')));
    await expect(readAll(stream)).rejects.toBeInstanceOf(UpstreamUnavailable);
  });

  it('turns a stalled stream into UpstreamTimeout', async () => {
    const stream = new PassThrough();
    stream.write(line(holder('CH00000001')));
    await expect(readAll(stream, 20)).rejects.toBeInstanceOf(UpstreamTimeout);
  });

  it('destroys the stream when the consumer stops early', async () => {
    const stream = Readable.from([line(holder('CH00000001')) + line(holder('CH00000002')) + trailer(2)]);
    for await (const wire of readCardholderStream(stream, 'streamCardholders', 1000)) {
      expect(wire.id).toBe('CH00000001');
      break;
    }
    expect(stream.destroyed).toBe(true);
  });
});

import type { Readable } from 'node:stream';
import { isUpstreamError, UpstreamProtocolError, UpstreamTimeout, UpstreamUnavailable } from '../kit';
import { wireExtractLineSchema, type WireCardholder } from './cardsWireSchemas';
import { ndjsonLines } from './ndjsonLines';

/**
 * Reads the processor's NDJSON extract stream as validated cardholders, one line at a time as
 * the consumer pulls: nothing is read ahead beyond socket buffers, so memory stays constant
 * and the processor is throttled by TCP backpressure.
 *
 * The stream is complete only with its trailer (`extract_end` with the right count); one that
 * ends without it was cut short. A stream that stalls for `idleTimeoutMs` while we wait for it
 * is an UpstreamTimeout (the kit's timeout only covers the first byte). Returning early (the
 * consumer's `break`) destroys the stream.
 */
export async function* readCardholderStream(
  stream: Readable,
  operation: string,
  idleTimeoutMs: number,
): AsyncGenerator<WireCardholder> {
  stream.setEncoding('utf8');
  let idle: NodeJS.Timeout | undefined;
  // Armed only while we wait for the processor, not while the consumer works on a record.
  const chunks = async function* (): AsyncGenerator<string> {
    const iterator = stream[Symbol.asyncIterator]();
    for (;;) {
      idle = setTimeout(() => stream.destroy(new UpstreamTimeout('CARDS', operation, idleTimeoutMs)), idleTimeoutMs);
      const step = await iterator.next();
      clearTimeout(idle);
      if (step.done) return;
      yield step.value as string;
    }
  };
  let count = 0;
  let complete = false;
  try {
    for await (const line of ndjsonLines(chunks())) {
      if (complete) throw new UpstreamProtocolError('CARDS', operation, 'data after the extract trailer');
      const parsed = wireExtractLineSchema.safeParse(parseJsonLine(line));
      if (!parsed.success) throw new UpstreamProtocolError('CARDS', operation, 'unexpected extract line');
      if (parsed.data.object === 'extract_end') {
        if (parsed.data.count !== count) throw new UpstreamProtocolError('CARDS', operation, 'extract trailer count does not match');
        complete = true;
        continue;
      }
      count += 1;
      yield parsed.data;
    }
  } catch (error) {
    if (isUpstreamError(error)) throw error;
    if (error instanceof RangeError) throw new UpstreamProtocolError('CARDS', operation, 'extract line too long');
    throw new UpstreamUnavailable('CARDS', operation, 'extract stream interrupted');
  } finally {
    clearTimeout(idle);
    stream.destroy();
  }
  if (!complete) throw new UpstreamProtocolError('CARDS', operation, 'extract ended before its trailer');
}

/** A JSON line, or undefined (which every schema then refuses) when it is not JSON. */
function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

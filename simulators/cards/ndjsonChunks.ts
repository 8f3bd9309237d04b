/**
 * Turns records into NDJSON text chunks for a streamed response, ending with a trailer line.
 *
 * Lines are grouped into chunks of about `chunkBytes` so a million records are not a million
 * socket writes. The generator is pulled by the response pipeline only as the socket drains,
 * so backpressure reaches the source. The trailer (`{"object":"extract_end","count":n}`) lets a
 * reader tell a complete extract from one cut short at a line boundary.
 */
export async function* ndjsonChunks<T>(
  source: AsyncIterable<T>,
  toLine: (item: T) => unknown,
  chunkBytes = 64 * 1024,
): AsyncGenerator<string> {
  let chunk = '';
  let count = 0;
  for await (const item of source) {
    chunk += `${JSON.stringify(toLine(item))}\n`;
    count += 1;
    if (chunk.length >= chunkBytes) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${JSON.stringify({ object: 'extract_end', count })}\n`;
}

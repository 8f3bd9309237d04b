/**
 * Splits a byte stream into lines without ever holding more than one chunk and one partial
 * line: the next chunk is only pulled once every line of the current one has been consumed, so
 * a slow consumer slows the socket down (backpressure) instead of filling memory.
 */

export class LineTooLongError extends Error {
  constructor(limit: number) {
    super(`line longer than ${limit} characters`);
    this.name = 'LineTooLongError';
  }
}

/**
 * Yields LF-terminated lines (a CR before the LF is dropped). A last line without its LF is
 * yielded as is: whether that is acceptable is the framing's decision, not the splitter's.
 * The core-banking adapter hands it text already decoded from the host code page; raw Buffers are
 * read as latin1 (one byte, one character), so a chunk boundary can never split a character.
 */
export async function* readLines(source: AsyncIterable<Buffer | string>, maxLineLength: number): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of source) {
    const text = rest + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      yield text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
    if (rest.length > maxLineLength) throw new LineTooLongError(maxLineLength);
  }
  if (rest !== '') yield rest;
}

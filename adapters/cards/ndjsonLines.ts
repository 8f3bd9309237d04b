/**
 * Splits a text stream into lines as chunks arrive, holding at most one partial line.
 * A final line without its newline is still yielded: the caller decides whether a missing
 * trailer means the stream was cut short.
 */
export async function* ndjsonLines(chunks: AsyncIterable<string>, maxLineChars = 1_000_000): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') yield line;
      newline = pending.indexOf('\n');
    }
    // A line that never ends would otherwise grow without bound.
    if (pending.length > maxLineChars) throw new RangeError('NDJSON line too long');
  }
  if (pending.trim() !== '') yield pending;
}

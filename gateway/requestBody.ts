import type { IncomingMessage } from 'node:http';

/** The request body is larger than the gateway accepts. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`Request body is larger than ${limitBytes} bytes`);
  }
}

/** The request says it is JSON but is not. */
export class InvalidJsonBodyError extends Error {
  override readonly name = 'InvalidJsonBodyError';
  constructor() {
    super('Request body is not valid JSON');
  }
}

/** Reads the whole body, refusing more than `limitBytes` (a client must not be able to exhaust memory). */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new PayloadTooLargeError(limitBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What Apollo Server expects as `httpGraphQLRequest.body`: the parsed object for a JSON body,
 * undefined otherwise (Apollo then answers 400 itself, the same as its standalone server).
 */
export async function readGraphQLBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const raw = await readBody(req, limitBytes);
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/json') && !contentType.includes('+json')) return undefined;
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new InvalidJsonBodyError();
  }
}

import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { GatewayContext } from '../context';
import { RequestOverError, useRequestCancellation } from './useRequestCancellation';

/** The plugin's hook on a response stand-in: only its 'close' event matters here. */
function startRequest(): { context: GatewayContext; res: EventEmitter } {
  const res = new EventEmitter();
  const context: GatewayContext = { log: pino({ level: 'silent' }), production: false };
  void useRequestCancellation().onGraphQLHttpRequest?.({ req: {} as IncomingMessage, res: res as unknown as ServerResponse, context });
  return { context, res };
}

describe('useRequestCancellation', () => {
  it('gives each request a live signal of its own', () => {
    const first = startRequest();
    const second = startRequest();
    expect(first.context.signal?.aborted).toBe(false);
    expect(first.context.signal).not.toBe(second.context.signal);
  });

  // [how the response ended, whether the work still running must be stopped]
  const endings: [string, (context: GatewayContext) => void, boolean][] = [
    ['the client hung up, or the deadline answered 504, while the plan ran', () => undefined, true],
    ['the whole answer was sent (the plan ran to its end)', (context) => (context.executionOver = true), false],
  ];
  it.each(endings)('%s: aborted %p', (_ending, end, aborted) => {
    const { context, res } = startRequest();
    const heard: unknown[] = [];
    context.signal?.addEventListener('abort', () => heard.push(context.signal?.reason));
    end(context);
    res.emit('close');
    expect(context.signal?.aborted).toBe(aborted);
    expect(heard).toHaveLength(aborted ? 1 : 0);
    if (aborted) expect(heard[0]).toBeInstanceOf(RequestOverError);
  });
});

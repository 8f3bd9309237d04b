import { once } from 'node:events';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { CommandDeadlineExceeded, withinCommandDeadline } from './commandDeadline';

/** Keeps this thread busy, as a long synchronous computation does (no timer and no socket is served meanwhile). */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('withinCommandDeadline', () => {
  it('passes on the value or the error of work that settles in time', async () => {
    await expect(withinCommandDeadline(Promise.resolve('v'), 50)).resolves.toBe('v');
    const failure = new Error('refused');
    await expect(withinCommandDeadline(Promise.reject(failure), 50)).rejects.toBe(failure);
  });

  it('fails work that never settles once the budget has passed, naming it a timeout', async () => {
    const started = performance.now();
    const outcome = withinCommandDeadline(new Promise(() => undefined), 30);
    await expect(outcome).rejects.toBeInstanceOf(CommandDeadlineExceeded);
    await expect(outcome).rejects.toThrow(/timed out/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('keeps an answer that reached the socket while the event loop was busy past the budget', async () => {
    // A real socket to a server on another thread, which answers while this thread is busy for
    // 5x the budget right after sending. A plain timer would fire before the answer is read.
    const server = new Worker(
      `const net = require('node:net');
       const { parentPort } = require('node:worker_threads');
       const server = net.createServer((socket) => socket.on('data', () => socket.write('pong')));
       server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
       parentPort.on('message', () => server.close(() => process.exit(0)));`,
      { eval: true },
    );
    const [port] = (await once(server, 'message')) as [number];
    const client = net.connect(port, '127.0.0.1');
    await once(client, 'connect');
    try {
      const answer = new Promise<string>((resolve) => client.once('data', (data) => resolve(data.toString())));
      client.write('ping');
      const outcome = withinCommandDeadline(answer, 20);
      blockFor(100);
      await expect(outcome).resolves.toBe('pong');
    } finally {
      client.destroy();
      await server.terminate();
    }
  });

  it('gives work issued just before a busy stretch the time it was denied', async () => {
    // The work can only settle once the loop is free again (a command not yet sent when a long
    // synchronous stretch began): it settles 10 ms after the stretch, the budget being 20 ms.
    const outcome = withinCommandDeadline(new Promise((resolve) => setImmediate(() => setTimeout(() => resolve('late'), 10))), 20);
    blockFor(100);
    await expect(outcome).resolves.toBe('late');
  });

  it('still fails work that never settles after a busy stretch, once the loop has idled for half the budget', async () => {
    const outcome = withinCommandDeadline(new Promise(() => undefined), 20);
    blockFor(100);
    const free = performance.now();
    await expect(outcome).rejects.toBeInstanceOf(CommandDeadlineExceeded);
    // Not at the first verdict (the loop had been busy, not idle): only after it idled for 10 ms.
    expect(performance.now() - free).toBeGreaterThanOrEqual(10);
  });

  it('leaves no timer behind once the work settled', async () => {
    jest.useFakeTimers();
    try {
      const outcome = withinCommandDeadline(Promise.resolve(1), 100);
      await outcome;
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

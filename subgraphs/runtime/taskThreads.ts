/**
 * A few worker threads that answer tasks (the thread side is `serveTasks`): tasks are handed out
 * in turn, each answer settles its task's promise. When a thread fails or stops, every task it
 * held is refused, and so is every task after it: a pool with a lost thread is not used again.
 * Errors are made by the caller's `fail`, from a reason that names no data.
 */
import type { Transferable, Worker } from 'node:worker_threads';
import { startWorker } from './startWorker';

export interface TaskThreads<Task, Answer> {
  readonly count: number;
  /** The task's answer; `transfer`: buffers of the task handed to the thread rather than copied. */
  run(task: Task, transfer?: readonly Transferable[]): Promise<Answer>;
  /** Stops the threads; tasks still waiting are refused. */
  close(): Promise<void>;
}

/** A task as it travels to a thread. */
export interface TaskMessage<Task> {
  id: number;
  task: Task;
}
/** An answer as it travels back: the result, or a reason that names no data. */
export type AnswerMessage<Answer> = { id: number; answer: Answer } | { id: number; failed: string };

interface Waiting<Answer> {
  worker: Worker;
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

/** `count` threads running `script` (a path from require.resolve). */
export function startTaskThreads<Task, Answer>(script: string, count: number, fail: (reason: string) => Error): TaskThreads<Task, Answer> {
  const waiting = new Map<number, Waiting<Answer>>();
  let failure: Error | undefined;
  const failAll = (worker: Worker, reason: string) => {
    failure ??= fail(reason);
    for (const [id, w] of waiting) {
      if (w.worker !== worker) continue;
      waiting.delete(id);
      w.reject(failure);
    }
  };
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker(script);
    worker.on('message', (message: AnswerMessage<Answer>) => {
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if ('failed' in message) w?.reject(fail(message.failed));
      else w?.resolve(message.answer);
    });
    worker.on('error', () => failAll(worker, 'a worker thread failed'));
    worker.on('exit', () => failAll(worker, 'a worker thread stopped'));
    return worker;
  });
  let next = 0;
  let closing = false;
  return {
    count,
    run(task, transfer = []) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      const worker = workers[id % count];
      return new Promise<Answer>((resolve, reject) => {
        waiting.set(id, { worker, resolve, reject });
        worker.postMessage({ id, task } satisfies TaskMessage<Task>, [...transfer]);
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      failure ??= fail('the worker threads were closed');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

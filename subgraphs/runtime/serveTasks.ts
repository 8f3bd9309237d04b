/**
 * The thread side of `startTaskThreads`: answers each task with `compute`'s result, or with
 * `reasonOf(error)` when it throws (a reason that names no data: a record's content never leaves
 * a thread in an error). `transferOf` names the answer's buffers to hand over rather than copy.
 */
import { parentPort, type Transferable } from 'node:worker_threads';
import type { AnswerMessage, TaskMessage } from './taskThreads';

export function serveTasks<Task, Answer>(compute: (task: Task) => Answer, reasonOf: (error: unknown) => string, transferOf: (answer: Answer) => Transferable[] = () => []): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', ({ id, task }: TaskMessage<Task>) => {
    let answer: Answer;
    try {
      answer = compute(task);
    } catch (error) {
      port.postMessage({ id, failed: reasonOf(error) } satisfies AnswerMessage<Answer>);
      return;
    }
    port.postMessage({ id, answer } satisfies AnswerMessage<Answer>, transferOf(answer));
  });
}

/**
 * A worker thread of the initial load (recordEncoder.ts): answers each batch of parties' JSON
 * with its COPY text, normalised records and packed JSON, the buffers handed over rather than
 * copied.
 */
import { serveTasks } from '../../runtime/serveTasks';
import { encodeRecordBatch } from './recordBatchEncoding';

serveTasks(encodeRecordBatch, () => 'encoding extracted records failed', (answer) =>
  [...Object.values(answer.copy), answer.texts.bytes, answer.texts.ends].map((array) => array.buffer as ArrayBuffer),
);

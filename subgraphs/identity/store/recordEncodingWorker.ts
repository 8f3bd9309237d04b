/**
 * A worker thread of the initial load (recordEncoder.ts): answers each batch of parties' JSON
 * with its COPY text and normalised records, the text's buffers handed over rather than copied.
 */
import { serveTasks } from '../../runtime/serveTasks';
import { encodeRecordBatch } from './recordBatchEncoding';

serveTasks(encodeRecordBatch, () => 'encoding extracted records failed', (answer) => Object.values(answer.copy).map((bytes) => bytes.buffer as ArrayBuffer));

/**
 * clusters.jsonl: one `{customerId, members:[{system, localId}]}` per line, written with stream
 * back-pressure respected and read back line by line.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SOURCE_SYSTEMS } from '../../../adapters/canonical';
import { MatchInputError } from './matchErrors';
import { readLines } from './partyLines';
import type { ResolvedCluster } from './resolveParties';

const CHUNK_CHARS = 1 << 20;

export async function writeClusterLines(file: string, clusters: Iterable<ResolvedCluster>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([error]) => {
    throw error;
  });
  failed.catch(() => undefined);
  let count = 0;
  // Lines go out in chunks of about a megabyte: a write per line (a million of them) cost more
  // than making the lines.
  let chunk = '';
  for (const cluster of clusters) {
    count++;
    chunk += JSON.stringify({ customerId: cluster.customerId, members: cluster.members }) + '\n';
    if (chunk.length >= CHUNK_CHARS) {
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      chunk = '';
    }
  }
  if (chunk) out.write(chunk);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return count;
}

export async function* readClusterLines(file: string): AsyncIterable<ResolvedCluster> {
  for await (const { line, lineNumber } of readLines(file)) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new MatchInputError('line is not valid JSON', file, lineNumber);
    }
    const c = value as Partial<ResolvedCluster> | null;
    const ok =
      c !== null &&
      typeof c === 'object' &&
      typeof c.customerId === 'string' &&
      Array.isArray(c.members) &&
      c.members.every((m) => m && typeof m.localId === 'string' && (SOURCE_SYSTEMS as readonly string[]).includes(m.system));
    if (!ok) throw new MatchInputError('line is not a cluster {customerId, members:[{system, localId}]}', file, lineNumber);
    yield c as ResolvedCluster;
  }
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';

/**
 * The operations a production channel may run: every `.graphql` file of the safelist folders
 * (schema/operations/ by default). Operations are compared by the hash of their printed form,
 * so whitespace and comments do not matter but any change to the selection does.
 */
export function operationFingerprint(source: string): string | null {
  try {
    return createHash('sha256').update(print(parse(source))).digest('hex');
  } catch {
    return null;
  }
}

export function loadSafelist(dirs: readonly string[]): Set<string> {
  const fingerprints = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
      const fingerprint = operationFingerprint(readFileSync(path.join(dir, file), 'utf8'));
      if (!fingerprint) throw new Error(`safelist: ${file} is not a valid GraphQL document`);
      fingerprints.add(fingerprint);
    }
  }
  return fingerprints;
}

/** `OPERATION_SAFELIST=on`: the committed operations plus any folders in `SAFELIST_DIRS` (comma-separated). */
export function safelistFromEnv(env: NodeJS.ProcessEnv): Set<string> | null {
  if (env.OPERATION_SAFELIST !== 'on') return null;
  const extra = (env.SAFELIST_DIRS ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  return loadSafelist([path.join(__dirname, '..', 'schema', 'operations'), ...extra]);
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/configuration.md names every environment variable the product reads: a variable added
 * in code without a line in the guide fails here. Variables read by name (`env.PORT`,
 * `env['PORT']`, `integer(env, 'RATE_LIMIT_MAX', ...)`) are found in the sources; per-system
 * families (`<SYSTEM>_URL`...) are built from a template and listed in the guide by hand.
 */
const ROOT = path.join(__dirname, '..');
const SOURCE_DIRS = ['adapters', 'bench', 'console', 'gateway', 'schema', 'scripts', 'simulators', 'stack', 'subgraphs', 'tests'];
/** Read by Node, npm, CI or the libraries, not by the product. */
const NOT_OURS = new Set(['NODE_ENV', 'NODE_OPTIONS', 'NODE_UNIQUE_ID', 'PATH', 'CI', 'HOME', 'SIDE_EFFECT_ROOT', 'HOSTNAME']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|cjs)$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\benv\.([A-Z][A-Z0-9_]+)\b/g, /\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g, /\(env, '([A-Z][A-Z0-9_]+)'/g];
  for (const file of SOURCE_DIRS.flatMap((d) => sources(path.join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) if (!found.has(match[1])) found.set(match[1], path.relative(ROOT, file));
  }
  for (const name of NOT_OURS) found.delete(name);
  return found;
}

describe('docs/configuration.md', () => {
  const guide = readFileSync(path.join(__dirname, 'configuration.md'), 'utf8');

  it('finds the variables the product reads (the scan works)', () => {
    const read = variablesRead();
    for (const known of ['PORT', 'LOG_LEVEL', 'LOG_FORMAT', 'REDIS_URL', 'CORS_ORIGINS', 'AUDIT_REQUIRED', 'RATE_LIMIT_MAX', 'CACHE_TTL_MS']) expect(read.has(known)).toBe(true);
  });

  it('documents every one of them', () => {
    const missing = [...variablesRead()].filter(([name]) => !guide.includes(`\`${name}\``)).map(([name, file]) => `${name} (read in ${file})`);
    expect(missing).toEqual([]);
  });

  it('documents the per-system families and the operator API', () => {
    for (const family of ['<SYSTEM>_URL', '<SYSTEM>_TIMEOUT_MS', '<SYSTEM>_MAX_RETRIES', '<SYSTEM>_CACHE_TTL_MS', '<SYSTEM>_SIM_PORT', 'SUBGRAPH_<NAME>_URL']) expect(guide).toContain(family);
    for (const route of ['GET /__admin/faults', 'POST /__admin/faults', 'GET /__admin/stats', 'POST /__admin/reset', 'POST /__admin/records']) expect(guide).toContain(route);
  });
});

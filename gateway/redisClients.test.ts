import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every Redis client the gateway creates has an `error` listener: without one, ioredis reports a
 * failed reconnect as an unhandled 'error' event and the process crashes (a Redis outage must
 * degrade the gateway, never kill it).
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.includes('testing') ? [full] : [];
  });
}

describe('Redis clients in the gateway', () => {
  const creating = sources(__dirname).filter((file) => /new (Redis|Cluster)\(/.test(readFileSync(file, 'utf8')));

  it('are found (the scan works)', () => {
    expect(creating.map((f) => path.relative(__dirname, f)).sort()).toEqual(expect.arrayContaining(['audit/auditStoreFromEnv.ts', 'plugins/rateLimitCounters.ts']));
  });

  it.each(creating.map((f) => [path.relative(__dirname, f), f]))('%s listens for errors on every client it creates', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const created = (text.match(/new (Redis|Cluster)\(/g) ?? []).length;
    const listened = (text.match(/\.on\('error'/g) ?? []).length;
    expect(listened).toBeGreaterThanOrEqual(created);
  });
});

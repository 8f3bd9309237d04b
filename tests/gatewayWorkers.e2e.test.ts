import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TEST_AUTH_SECRET_TEXT, tokenFor } from './support/testAuth';

/**
 * `GATEWAY_WORKERS=2 npm start`: two gateway processes behind one port over the same backends.
 * Runs the real start script (default ports, as a user would) and stops it with Ctrl-C.
 */
describe('GATEWAY_WORKERS', () => {
  let child: ChildProcess;
  let output = '';
  let endpoint = '';

  let workDir = '';

  // Starts the whole product (dataset, embedded store, first identity resolution, two workers):
  // minutes on a 2-core machine that other suites keep busy.
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'unified-view-workers-'));
    // tsx as a loader, not its CLI: the CLI relays Ctrl-C to its child and SIGKILLs it (exit 130)
    // when the child does not acknowledge within 30 ms, which a loaded machine misses.
    child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'start.ts')], {
      env: {
        ...process.env,
        GATEWAY_WORKERS: '2',
        // Free ports everywhere: the suite must not need 4000-4104 (another stack may hold them).
        STACK_PORTS: 'free',
        DATASET_DIR: path.join(workDir, 'dataset'),
        AUTH_HS256_SECRET: TEST_AUTH_SECRET_TEXT,
        // The embedded store of record in the work dir (workers hand their audit events to the primary).
        PGLITE_DIR: path.join(workDir, 'pglite'),
        AUDIT_SPOOL_DIR: path.join(workDir, 'audit-spool'),
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        // Generous, as in every test stack (support/testStack.ts): the machine is shared, and the
        // first identity resolution reads all four systems in bulk while other suites run.
        ...Object.fromEntries(['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'].map((system) => [`${system}_TIMEOUT_MS`, '10000'])),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (output.includes('is up')) {
          clearInterval(check);
          endpoint = /GraphQL endpoint\s+(http:\/\/\S+\/graphql)/.exec(output)?.[1] ?? '';
          resolve();
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(check);
        reject(new Error(`start exited with ${code}: ${output.slice(-500)}`));
      });
    });
  }, 300_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
    await rm(workDir, { recursive: true, force: true });
  });

  it('serves every request through the worker processes on one port', async () => {
    expect(output).toContain('(2 gateway worker processes)');
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const token = await tokenFor('auditor');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ customers(first: 2) { totalCount edges { node { id } } } }' }),
        }).then(async (r) => ({ status: r.status, total: ((await r.json()) as { data: { customers: { totalCount: number } } }).data.customers.totalCount })),
      ),
    );
    for (const answer of statuses) expect(answer).toEqual({ status: 200, total: statuses[0].total });
    expect(statuses[0].total).toBeGreaterThan(0);
  });

  it('records the workers\' audit events in the embedded store, which the primary owns', async () => {
    const token = await tokenFor('auditor');
    const post = async (query: string) =>
      (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) }).then((r) => r.json())) as {
        data: Record<string, { edges: Array<{ node: { id?: string; kind?: string; operationName?: string } }> }>;
      };
    const listed = await post('query Listing { customers(first: 1) { edges { node { id } } } }');
    const id = listed.data.customers.edges[0].node.id!;
    await post(`query LookAtOne { customer(id: "${id}") { id } }`);
    const trail = await post(`query Trail { auditTrail(customerId: "${id}") { edges { node { kind operationName } } } }`);
    // Appended by a worker, through the primary, before the worker answered.
    expect(trail.data.auditTrail.edges.map((e) => e.node)).toEqual(expect.arrayContaining([{ kind: 'ACCESS', operationName: 'Listing' }, { kind: 'ACCESS', operationName: 'LookAtOne' }]));
  });

  it('stops every process on Ctrl-C', async () => {
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    await expect(fetch(endpoint.replace('/graphql', '/health'))).rejects.toThrow();
  });
});

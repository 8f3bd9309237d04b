import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTokenVerifier } from './auth/tokenVerifier';
import { hs256Secret } from './auth/authConfig';

const run = promisify(execFile);
const TSX = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const CLI = join(__dirname, 'tokenCli.ts');
const SECRET = 'token-cli-test-secret-0123456789abcdef';

describe('npm run token (gateway/tokenCli.ts)', () => {
  it('prints only a token the gateway accepts, with the asked role, subject and channel', async () => {
    const { stdout } = await run(TSX, [CLI, '--role', 'auditor', '--sub', 'alice', '--channel', 'call-center', '--ttl', '1h'], {
      env: { ...process.env, AUTH_HS256_SECRET: SECRET, AUTH_ISSUER: '', AUTH_AUDIENCE: '' },
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const principal = await createTokenVerifier({ hs256Secret: hs256Secret(SECRET) })(lines[0]);
    expect(principal).toEqual({ subject: 'alice', channel: 'call-center', roles: ['auditor'] });
  });

  it('mints a mobile-app token bound to its customer, and refuses one without', async () => {
    const env = { ...process.env, AUTH_HS256_SECRET: SECRET, AUTH_ISSUER: '', AUTH_AUDIENCE: '' };
    const { stdout } = await run(TSX, [CLI, '--role', 'mobile-app', '--sub', 'app-user-1', '--customer', 'cust_ABCD1234'], { env });
    expect(await createTokenVerifier({ hs256Secret: hs256Secret(SECRET) })(stdout.trim())).toEqual({ subject: 'app-user-1', roles: ['mobile-app'], customerId: 'cust_ABCD1234' });
    await expect(run(TSX, [CLI, '--role', 'mobile-app'], { env })).rejects.toMatchObject({ stderr: expect.stringMatching(/--customer <cust_...> is required for mobile-app/) });
    await expect(run(TSX, [CLI, '--role', 'mobile-app', '--customer', 'not-an-id'], { env })).rejects.toMatchObject({ stderr: expect.stringMatching(/must be a global customer id/) });
  });

  it('refuses a lifetime the gateway would refuse', async () => {
    const env = { ...process.env, AUTH_HS256_SECRET: SECRET };
    await expect(run(TSX, [CLI, '--role', 'teller', '--ttl', '100d'], { env })).rejects.toMatchObject({ stderr: expect.stringMatching(/must be 1 s to 43200 s/) });
  });

  it('answers --help with the options and the roles', async () => {
    const { stdout } = await run(TSX, [CLI, '--help'], { env: { ...process.env, AUTH_HS256_SECRET: '' } });
    expect(stdout).toMatch(/--customer <id>/);
    expect(stdout).toMatch(/teller, mobile-app,\s+call-center-agent/);
  });

  it('fails with the usage when no role is given', async () => {
    await expect(run(TSX, [CLI], { env: { ...process.env, AUTH_HS256_SECRET: SECRET } })).rejects.toMatchObject({ stderr: expect.stringMatching(/usage: npm run token -- --role/) });
  });
});

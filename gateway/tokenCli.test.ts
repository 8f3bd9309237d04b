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

  it('fails with the usage when no role is given', async () => {
    await expect(run(TSX, [CLI], { env: { ...process.env, AUTH_HS256_SECRET: SECRET } })).rejects.toMatchObject({ stderr: expect.stringMatching(/usage: npm run token -- --role/) });
  });
});

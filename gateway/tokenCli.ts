/**
 * `npm run token -- --role auditor [--role teller] [--sub alice] [--channel call-center] [--ttl 1h]`
 * prints an HS256 token the development gateway accepts: signed with AUTH_HS256_SECRET when set,
 * else with the secret `npm start` keeps in data/dev-auth-secret (created on first use).
 * AUTH_ISSUER / AUTH_AUDIENCE, when set, are put in the token. Prints only the token.
 */
import { parseArgs } from 'node:util';
import { AuthConfigError, hs256Secret } from './auth/authConfig';
import { DEV_SECRET_PATH, loadOrCreateDevSecret } from './auth/devSecret';
import { FIELD_POLICY } from './auth/fieldPolicy';
import { mintToken } from './auth/mintToken';

const USAGE = 'usage: npm run token -- --role <role> [--role <role>...] [--sub <subject>] [--channel <channel>] [--ttl <1h|30m|seconds>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      roles: { type: 'string' },
      sub: { type: 'string', default: 'dev-user' },
      channel: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`${USAGE}\nroles: ${Object.keys(FIELD_POLICY.roles).join(', ')}`);
    return;
  }
  const roles = [...(values.role ?? []), ...(values.roles?.split(',') ?? [])].map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0) throw new AuthConfigError(`${USAGE}\nroles: ${Object.keys(FIELD_POLICY.roles).join(', ')}`);
  const unknown = roles.filter((r) => !(r in FIELD_POLICY.roles));
  if (unknown.length) console.error(`warning: role(s) ${unknown.join(', ')} are not in gateway/auth/fieldPolicy.ts and grant nothing`);
  if (!/^\d+$|^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)$/.test(values.ttl!)) {
    throw new AuthConfigError(`--ttl must be seconds or a span like 30m, 1h, 7d; got "${values.ttl}"`);
  }
  const fromEnv = process.env.AUTH_HS256_SECRET?.trim();
  const secret = hs256Secret(fromEnv || loadOrCreateDevSecret(DEV_SECRET_PATH));
  const ttl = /^\d+$/.test(values.ttl!) ? Number(values.ttl) : values.ttl!;
  const token = await mintToken({
    secret,
    roles,
    subject: values.sub,
    channel: values.channel,
    ttl,
    issuer: process.env.AUTH_ISSUER?.trim() || undefined,
    audience: process.env.AUTH_AUDIENCE?.trim() || undefined,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  console.error(error instanceof AuthConfigError || error instanceof TypeError ? error.message : `token failed: ${error.message}`);
  process.exit(1);
});

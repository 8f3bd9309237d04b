/**
 * `npm run token -- --role auditor [--role teller] [--sub alice] [--channel call-center] [--ttl 1h]
 * [--customer cust_...]` prints an HS256 token the development gateway accepts: signed with
 * AUTH_HS256_SECRET when set, else with the secret `npm start` keeps in data/dev-auth-secret
 * (created on first use). AUTH_ISSUER / AUTH_AUDIENCE, when set, are put in the token. Prints only
 * the token. `--help` prints the usage and the roles and touches nothing.
 */
import { Command, InvalidArgumentError } from 'commander';
import { CUSTOMER_ID_PATTERN } from './audit/customerIdsTouched';
import { AuthConfigError, hs256Secret } from './auth/authConfig';
import { DEV_SECRET_PATH, loadOrCreateDevSecret } from './auth/devSecret';
import { FIELD_POLICY, isCustomerBound } from './auth/fieldPolicy';
import { mintToken } from './auth/mintToken';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from './auth/tokenVerifier';

const SPAN = /^(\d+)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days)?$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `--ttl` as seconds (`3600`, `30m`, `12h`); refuses what the gateway would refuse (past the lifetime cap). */
function ttlSeconds(raw: string): number {
  const match = SPAN.exec(raw.trim());
  if (!match) throw new InvalidArgumentError('give seconds or a span like 30m, 1h, 12h');
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] ?? 's')[0]];
  const cap = Number(process.env.AUTH_MAX_TOKEN_LIFETIME_S) || DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (seconds < 1 || seconds > cap) throw new InvalidArgumentError(`must be 1 s to ${cap} s (the gateway refuses longer-lived tokens; AUTH_MAX_TOKEN_LIFETIME_S)`);
  return seconds;
}

function customerId(raw: string): string {
  if (!CUSTOMER_ID_PATTERN.test(raw)) throw new InvalidArgumentError('must be a global customer id (cust_...)');
  return raw;
}

const roles = Object.keys(FIELD_POLICY.roles);
const program = new Command('npm run token --')
  .description('Print a development bearer token (HS256) the gateway accepts.')
  .option('--role <role>', `a role (repeatable): ${roles.join(', ')}`, (value: string, previous: string[]) => [...previous, value], [] as string[])
  .option('--roles <list>', 'roles, comma-separated')
  .option('--sub <subject>', 'the subject (an employee or service id)', 'dev-user')
  .option('--channel <channel>', 'the channel (branch, mobile, call-center, back-office...)')
  .option('--ttl <span>', 'lifetime: seconds or 30m, 1h, 12h (at most the gateway cap, 12 h by default)', ttlSeconds, 3600)
  .option('--customer <id>', `the customer the token acts for (customer_id claim); required for ${FIELD_POLICY.customerBoundRoles.join(', ')}`, customerId)
  .addHelpText('after', '\nSigned with AUTH_HS256_SECRET, else data/dev-auth-secret (the one `npm start` uses); AUTH_ISSUER and AUTH_AUDIENCE go into iss/aud.')
  .showHelpAfterError();

async function main(): Promise<void> {
  program.parse();
  const options = program.opts<{ role: string[]; roles?: string; sub: string; channel?: string; ttl: number; customer?: string }>();
  const wanted = [...options.role, ...(options.roles?.split(',') ?? [])].map((r) => r.trim()).filter(Boolean);
  if (wanted.length === 0) throw new AuthConfigError(`usage: npm run token -- --role <role> [--role <role>...] [--sub <subject>] [--channel <channel>] [--ttl <1h|30m|seconds>] [--customer <cust_...>]\nroles: ${roles.join(', ')}`);
  const unknown = wanted.filter((r) => !(r in FIELD_POLICY.roles));
  if (unknown.length) console.error(`warning: role(s) ${unknown.join(', ')} are not in gateway/auth/fieldPolicy.ts and grant nothing`);
  if (isCustomerBound(wanted) && !options.customer) throw new AuthConfigError(`--customer <cust_...> is required for ${FIELD_POLICY.customerBoundRoles.join(', ')}: the token reads that customer only`);
  const fromEnv = process.env.AUTH_HS256_SECRET?.trim();
  const secret = hs256Secret(fromEnv || loadOrCreateDevSecret(DEV_SECRET_PATH));
  const token = await mintToken({
    secret,
    roles: wanted,
    subject: options.sub,
    channel: options.channel,
    ttl: options.ttl,
    customerId: options.customer,
    issuer: process.env.AUTH_ISSUER?.trim() || undefined,
    audience: process.env.AUTH_AUDIENCE?.trim() || undefined,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  console.error(error instanceof AuthConfigError ? error.message : `token failed: ${error.message}`);
  process.exit(1);
});

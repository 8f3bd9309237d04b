import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptInProcessCall, CallSignatureError, createCallSigner, createCallVerifier, subgraphKeysFromEnv, SubgraphKeyConfigError, type CallToSign } from './callSignature';

const KEY_A = 'subgraph-key-a-0123456789abcdef0123456789';
const KEY_B = 'subgraph-key-b-0123456789abcdef0123456789';
const keysOf = (env: NodeJS.ProcessEnv) => subgraphKeysFromEnv(env, { production: true });
const body = JSON.stringify({ query: '{ __typename }' });
const failure = (promise: Promise<unknown>) => promise.then(() => 'accepted', (e: unknown) => (e instanceof CallSignatureError ? e.reason : `other: ${String(e)}`));

describe('subgraph call signatures', () => {
  it('carries principal, roles, channel and request id to the subgraph it was signed for', async () => {
    const keys = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_A });
    const token = await createCallSigner(keys)({ audience: 'cards', body, principal: { subject: 'teller-tom', roles: ['teller'], channel: 'branch' }, requestId: 'req-1' });
    expect(await createCallVerifier(keys)(token, Buffer.from(body), 'cards')).toEqual({
      principal: { subject: 'teller-tom', roles: ['teller'], channel: 'branch' },
      requestId: 'req-1',
    });
  });

  it('names no principal for the gateway’s own calls', async () => {
    const keys = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_A });
    expect(await createCallVerifier(keys)(await createCallSigner(keys)({ audience: 'cards', body }), Buffer.from(body), 'cards')).toEqual({});
  });

  it.each([
    ['no signature', async () => undefined, body, 'cards', 'missing'],
    ['another body', async (sign: ReturnType<typeof createCallSigner>) => sign({ audience: 'cards', body }), '{"query":"{ _service { sdl } }"}', 'cards', 'body-mismatch'],
    ['another subgraph', async (sign: ReturnType<typeof createCallSigner>) => sign({ audience: 'cards', body }), body, 'identity', 'wrong-audience'],
    ['not a JWT', async () => 'abc.def', body, 'cards', 'malformed'],
  ])('refuses %s', async (_name, make, sent, audience, reason) => {
    const keys = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_A });
    const token = await make(createCallSigner(keys));
    expect(await failure(createCallVerifier(keys)(token, Buffer.from(sent), audience))).toBe(reason);
  });

  it('accepts the previous key during a rotation, and only the keys it holds', async () => {
    const old = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_A });
    const rotating = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_B, SUBGRAPH_SIGNING_KEY_PREVIOUS: KEY_A });
    const fromOld = await createCallSigner(old)({ audience: 'erp', body });
    expect(await failure(createCallVerifier(rotating)(fromOld, Buffer.from(body), 'erp'))).toBe('accepted');
    const fromNew = await createCallSigner(rotating)({ audience: 'erp', body });
    expect(await failure(createCallVerifier(old)(fromNew, Buffer.from(body), 'erp'))).toBe('invalid-signature');
  });

  it('refuses a signature seen before', async () => {
    const keys = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_A });
    const verify = createCallVerifier(keys);
    const token = await createCallSigner(keys)({ audience: 'erp', body });
    expect(await failure(verify(token, Buffer.from(body), 'erp'))).toBe('accepted');
    expect(await failure(verify(token, Buffer.from(body), 'erp'))).toBe('replayed');
  });
});

describe('calls from the gateway in this process (no signature)', () => {
  type Call = Omit<CallToSign, 'audience' | 'body'>;
  const keys = keysOf({ SUBGRAPH_SIGNING_KEY: KEY_A });
  const overTheWire = async (call: Call) => createCallVerifier(keys)(await createCallSigner(keys)({ audience: 'cards', body, ...call }), Buffer.from(body), 'cards');

  // What the subgraph must learn, written by hand; and it must be what a signed call carries.
  it.each<[string, Call, object]>([
    ['a teller at a branch', { principal: { subject: 'teller-tom', roles: ['teller'], channel: 'branch' }, requestId: 'req-1', waitMs: 8000 }, { principal: { subject: 'teller-tom', roles: ['teller'], channel: 'branch' }, requestId: 'req-1', waitMs: 8000 }],
    ['no channel, two roles', { principal: { subject: 'svc-batch', roles: ['integration', 'auditor'] } }, { principal: { subject: 'svc-batch', roles: ['integration', 'auditor'] } }],
    ['the gateway itself (a probe)', {}, {}],
    ['a fractional wait, rounded', { waitMs: 7999.6 }, { waitMs: 8000 }],
    ['no roles at all', { principal: { subject: 'nobody', roles: [] } }, { principal: { subject: 'nobody', roles: [] } }],
  ])('serves %s as the signed call would be served', async (_name, call, expected) => {
    expect(acceptInProcessCall(call)).toEqual(expected);
    expect(await overTheWire(call)).toEqual(expected);
  });

  it('copies the principal: nothing else the gateway holds reaches the subgraph, and later changes do not either', () => {
    const principal = { subject: 'rm-rita', roles: ['relationship-manager'], channel: 'branch', token: 'the bearer token', claims: { email: 'rita@bank' } };
    const accepted = acceptInProcessCall({ principal });
    expect(accepted).toEqual({ principal: { subject: 'rm-rita', roles: ['relationship-manager'], channel: 'branch' } });
    principal.roles.push('auditor');
    expect(accepted.principal?.roles).toEqual(['relationship-manager']);
  });

  // What a subgraph refuses over the wire it refuses in-process too.
  it.each<[string, Call]>([
    ['an empty subject', { principal: { subject: '', roles: ['teller'] } }],
    ['33 roles', { principal: { subject: 'x', roles: Array.from({ length: 33 }, (_, i) => `role-${i}`) } }],
    ['a role of 65 characters', { principal: { subject: 'x', roles: ['r'.repeat(65)] } }],
    ['an empty role', { principal: { subject: 'x', roles: [''] } }],
    ['a subject of 257 characters', { principal: { subject: 's'.repeat(257), roles: [] } }],
    ['a channel of 65 characters', { principal: { subject: 'x', roles: [], channel: 'c'.repeat(65) } }],
    ['a request id with a newline', { requestId: 'req-1\nX-Admin: yes' }],
    ['a request id with a space', { requestId: 'req 1' }],
    ['a request id of 129 characters', { requestId: 'r'.repeat(129) }],
    ['a wait past ten minutes', { waitMs: 600_001 }],
  ])('refuses %s, as a signed call is refused', async (_name, call) => {
    expect(failureOf(() => acceptInProcessCall(call))).toBe('malformed');
    expect(await failure(overTheWire(call))).toBe('malformed');
  });
});

function failureOf(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof CallSignatureError ? error.reason : `other: ${String(error)}`;
  }
}

describe('subgraph keys from the environment', () => {
  it('refuses production without a key, and short keys anywhere', () => {
    expect(() => subgraphKeysFromEnv({}, { production: true })).toThrow(SubgraphKeyConfigError);
    expect(() => subgraphKeysFromEnv({}, { production: true })).toThrow(/SUBGRAPH_SIGNING_KEY/);
    expect(() => subgraphKeysFromEnv({ SUBGRAPH_SIGNING_KEY: 'short' }, { production: false })).toThrow(/at least 32 bytes/);
    expect(() => subgraphKeysFromEnv({ SUBGRAPH_SIGNING_KEY: KEY_A, SUBGRAPH_SIGNING_KEY_PREVIOUS: 'short' }, { production: true })).toThrow(/PREVIOUS/);
  });

  it('creates one development key, owner-readable only, and reads the same one afterwards', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'uv-subgraph-key-')), 'key');
    const first = subgraphKeysFromEnv({}, { production: false, devKeyPath: path });
    const second = subgraphKeysFromEnv({}, { production: false, devKeyPath: path });
    expect(second.current.kid).toBe(first.current.kid);
    expect(readFileSync(path, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(statSync(path).mode & 0o077).toBe(0);
  });
});

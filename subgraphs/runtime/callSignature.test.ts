import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallSignatureError, createCallSigner, createCallVerifier, subgraphKeysFromEnv, SubgraphKeyConfigError } from './callSignature';

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

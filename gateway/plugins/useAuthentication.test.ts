import { SignJWT } from 'jose';
import { postGraphQL } from '../testing/testSubgraphs';
import { gatewayTestToken, startSecuredTestGateway, type SecuredTestGateway } from '../auth/testing/securedTestGateway';

const QUERY = { query: '{ person(id: "1") { id } }' };

describe('useAuthentication (real HTTP)', () => {
  let secured: SecuredTestGateway;
  beforeAll(async () => {
    secured = await startSecuredTestGateway();
  });
  afterAll(() => secured?.close());

  const post = (authorization?: string) => postGraphQL(secured.gateway.url, QUERY, authorization === undefined ? {} : { authorization });

  it('serves a request with a valid token', async () => {
    const { status, json } = await post(`Bearer ${await gatewayTestToken('teller')}`);
    expect(status).toBe(200);
    expect(json).toEqual({ data: { person: { id: '1' } } });
  });

  it('refuses a missing token with 401, a Bearer challenge and UNAUTHENTICATED', async () => {
    const { status, headers, json } = await post();
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer realm="unified-view"');
    expect(json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing' });
    expect(headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses an expired token', async () => {
    const expired = await gatewayTestToken('teller', { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } });
    const { status, headers, json } = await post(`Bearer ${expired}`);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer realm="unified-view", error="invalid_token"/);
    expect(json.errors[0]).toMatchObject({ message: 'Bearer token has expired', extensions: { code: 'UNAUTHENTICATED', reason: 'expired' } });
  });

  it('refuses a token signed with another secret (forged)', async () => {
    const forged = await new SignJWT({ roles: ['auditor'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-gateway-secret-but-long-enough-0000'));
    const { status, json } = await post(`Bearer ${forged}`);
    expect(status).toBe(401);
    expect(json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'invalid' });
  });

  it('refuses an unsigned (alg none) token, garbage and other schemes', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', roles: ['auditor'], exp: 9999999999 })).toString('base64url');
    for (const authorization of [`Bearer ${header}.${payload}.`, 'Bearer not.a.jwt', 'Bearer abc', 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const { status, json } = await post(authorization);
      expect({ authorization, status, code: json.errors[0].extensions.code }).toEqual({ authorization, status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('refuses a token that is not valid yet (nbf) and one without a subject', async () => {
    const notYet = await gatewayTestToken('teller', { claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } });
    expect((await post(`Bearer ${notYet}`)).json.errors[0].message).toBe('Bearer token claim "nbf" is not acceptable');
    const noSub = await gatewayTestToken('teller', { claims: { sub: undefined } });
    expect((await post(`Bearer ${noSub}`)).status).toBe(401);
  });

  it('keeps /health and /ready public', async () => {
    expect((await fetch(secured.gateway.url.replace('/graphql', '/health'))).status).toBe(200);
    expect((await fetch(secured.gateway.url.replace('/graphql', '/ready'))).status).toBe(200);
  });
});

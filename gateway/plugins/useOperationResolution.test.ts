import { gatewayTestToken, startSecuredTestGateway, type SecuredTestGateway } from '../auth/testing/securedTestGateway';
import { postGraphQL } from '../testing/testSubgraphs';

// Person.name is PII, Person.nickname AUDIT (securedTestGateway.ts): an integration token reads neither.
const FORBIDDEN_READ = 'query Read { person(id: "1") { id nickname } }';

describe('useOperationResolution (real gateway and subgraphs)', () => {
  let secured: SecuredTestGateway;
  let integration: Record<string, string>;
  beforeAll(async () => {
    secured = await startSecuredTestGateway();
    integration = { authorization: `Bearer ${await gatewayTestToken('integration')}` };
  });
  afterAll(() => secured?.close());

  it.each([
    ['an empty operationName (the field policy once judged nothing and the gateway ran the only operation)', { query: FORBIDDEN_READ, operationName: '' }, /must not be empty/],
    ['an empty operationName on an unnamed operation', { query: '{ person(id: "1") { nickname } }', operationName: '' }, /must not be empty/],
    ['an unknown operationName', { query: FORBIDDEN_READ, operationName: 'Other' }, /no operation named "Other"/],
    ['several operations and no name', { query: `${FORBIDDEN_READ} query Second { person(id: "2") { id } }` }, /several operations/],
    ['several unnamed operations', { query: '{ person(id: "1") { id } } { person(id: "2") { id } }' }, /./],
  ])('refuses %s with 400 BAD_REQUEST before any subgraph call', async (_case, body, message) => {
    const callsBefore = secured.people.requestIds.length;
    const { status, json } = await postGraphQL(secured.gateway.url, body, integration);
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors[0].extensions.code).toMatch(/^(BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/);
    expect(json.errors[0].message).toMatch(message);
    expect(secured.people.requestIds.length).toBe(callsBefore);
  });

  it('refuses the same bypass over GET', async () => {
    const callsBefore = secured.people.requestIds.length;
    const url = `${secured.gateway.url}?query=${encodeURIComponent(FORBIDDEN_READ)}&operationName=`;
    const response = await fetch(url, { headers: { ...integration, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(secured.people.requestIds.length).toBe(callsBefore);
  });

  it('still runs the named operation, with the field policy applied to exactly that one', async () => {
    const { status, json } = await postGraphQL(secured.gateway.url, { query: `query Other { person(id: "2") { id } } ${FORBIDDEN_READ}`, operationName: 'Read' }, integration);
    expect(status).toBe(200);
    expect(json.data.person).toBeNull(); // nickname is non-null: its refusal nulls the person
    expect(json.errors.map((e: { extensions: { code: string; field: string } }) => [e.extensions.code, e.extensions.field])).toEqual([['FORBIDDEN', 'Person.nickname']]);
  });
});

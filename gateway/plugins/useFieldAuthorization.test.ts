import { postGraphQL } from '../testing/testSubgraphs';
import { gatewayTestToken, startSecuredTestGateway, type SecuredTestGateway } from '../auth/testing/securedTestGateway';

// In the test supergraph: Person.name PII, Person.nickname AUDIT (non-null), Person.cardCount FINANCIAL.
describe('useFieldAuthorization (real HTTP, test subgraphs)', () => {
  let secured: SecuredTestGateway;
  beforeAll(async () => {
    secured = await startSecuredTestGateway();
  });
  afterAll(() => secured?.close());

  const asRole = async (role: string, query: string, variables?: Record<string, unknown>) =>
    postGraphQL(secured.gateway.url, { query, variables }, { authorization: `Bearer ${await gatewayTestToken(role)}` });
  const forbiddenOf = (json: { errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> }) =>
    (json.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => ({ field: e.extensions?.field, path: e.path }));

  it('serves everything to a role granted every class', async () => {
    const { json } = await asRole('auditor', '{ person(id: "7") { id name nickname cardCount } }');
    expect(json).toEqual({ data: { person: { id: '7', name: 'Person 7', nickname: 'P7', cardCount: 2 } } });
  });

  it('nulls a forbidden field with a FORBIDDEN error naming it, serving the rest', async () => {
    const { status, json } = await asRole('call-center-agent', '{ person(id: "7") { id name cardCount } }');
    expect(status).toBe(200);
    expect(json.data).toEqual({ person: { id: '7', name: 'Person 7', cardCount: null } });
    expect(json.errors).toEqual([
      expect.objectContaining({
        message: 'Not authorized to read Person.cardCount (FINANCIAL)',
        path: ['person', 'cardCount'],
        extensions: { code: 'FORBIDDEN', field: 'Person.cardCount', class: 'FINANCIAL' },
      }),
    ]);
  });

  it('never asks the subgraph for a forbidden field', async () => {
    // cardsStatus always fails in the cards subgraph; cardCount is the only other cards field.
    const { json } = await asRole('call-center-agent', '{ person(id: "2") { name cardCount } }');
    expect(json.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('follows aliases, fragments and inline fragments', async () => {
    const query = `query Q($id: ID!) {
      a: person(id: $id) { ...P }
      b: person(id: "3") { ... on Person { money: cardCount label: name } }
    }
    fragment P on Person { id who: name cards: cardCount }`;
    const { json } = await asRole('teller', query, { id: '4' });
    // teller: PII + FINANCIAL, so all of this is allowed...
    expect(json).toEqual({ data: { a: { id: '4', who: 'Person 4', cards: 2 }, b: { money: 2, label: 'Person 3' } } });
    // ...and integration may read none of it.
    const refused = await asRole('integration', query, { id: '4' });
    expect(refused.json.data).toEqual({ a: { id: '4', who: null, cards: null }, b: { money: null, label: null } });
    expect(forbiddenOf(refused.json)).toEqual(
      expect.arrayContaining([
        { field: 'Person.name', path: ['a', 'who'] },
        { field: 'Person.cardCount', path: ['a', 'cards'] },
        { field: 'Person.cardCount', path: ['b', 'money'] },
        { field: 'Person.name', path: ['b', 'label'] },
      ]),
    );
  });

  it('moves the null to the nearest nullable parent when the forbidden field is non-null', async () => {
    const { json } = await asRole('teller', '{ person(id: "5") { id nickname } slow: __typename }');
    expect(json.data).toEqual({ person: null, slow: 'Query' });
    expect(forbiddenOf(json)).toEqual([{ field: 'Person.nickname', path: ['person', 'nickname'] }]);
  });

  it('does not let a plan cached for one role serve another (same query text)', async () => {
    const query = '{ person(id: "6") { name cardCount } }';
    expect((await asRole('auditor', query)).json.data).toEqual({ person: { name: 'Person 6', cardCount: 2 } });
    expect((await asRole('call-center-agent', query)).json.data).toEqual({ person: { name: 'Person 6', cardCount: null } });
    expect((await asRole('auditor', query)).json.data).toEqual({ person: { name: 'Person 6', cardCount: 2 } });
    expect((await asRole('integration', query)).json.data).toEqual({ person: { name: null, cardCount: null } });
  });

  it('judges fields whatever the variables (@include)', async () => {
    const query = 'query($with: Boolean!) { person(id: "1") { id name @include(if: $with) } }';
    const included = await asRole('integration', query, { with: true });
    expect(included.json.data).toEqual({ person: { id: '1', name: null } });
    const skipped = await asRole('integration', query, { with: false });
    expect(skipped.json.data).toEqual({ person: { id: '1' } });
  });

  it('unions the classes of several roles and ignores unknown roles', async () => {
    const both = await postGraphQL(
      secured.gateway.url,
      { query: '{ person(id: "1") { name cardCount nickname } }' },
      { authorization: `Bearer ${await gatewayTestToken(['call-center-agent', 'teller', 'superuser'])}` },
    );
    expect(both.json.data).toEqual({ person: null });
    expect(forbiddenOf(both.json).map((f) => f.field)).toEqual(['Person.nickname']);
  });

  it('leaves introspection alone', async () => {
    const { json } = await asRole('integration', '{ __type(name: "Person") { fields { name } } }');
    expect(json.errors).toBeUndefined();
  });
});

import { ApolloServer } from '@apollo/server';
import { reportStale, runInRequestScope, staleReports } from './requestScope';
import { staleExtensionPlugin } from './staleExtensionPlugin';

describe('request scope', () => {
  it('collects the oldest stale age per system, per request', async () => {
    const one = runInRequestScope(async () => {
      reportStale({ system: 'ERP', ageMs: 100 });
      await Promise.resolve();
      reportStale({ system: 'ERP', ageMs: 50 });
      reportStale({ system: 'CARDS', ageMs: 7 });
      return staleReports();
    });
    const two = runInRequestScope(async () => staleReports());
    expect(await one).toEqual([
      { system: 'ERP', ageMs: 100 },
      { system: 'CARDS', ageMs: 7 },
    ]);
    expect(await two).toEqual([]);
  });

  it('drops reports outside a scope', () => {
    reportStale({ system: 'ERP', ageMs: 1 });
    expect(staleReports()).toEqual([]);
  });
});

describe('staleExtensionPlugin', () => {
  const server = new ApolloServer({
    typeDefs: 'type Query { name: String }',
    resolvers: {
      Query: {
        name: async () => {
          reportStale({ system: 'CALL_CENTER', ageMs: 1234 });
          return 'n';
        },
      },
    },
    plugins: [staleExtensionPlugin()],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('puts extensions.stale into a response that served stale data', async () => {
    const response = await runInRequestScope(() => server.executeOperation({ query: '{ name }' }));
    expect(response.body.kind === 'single' && response.body.singleResult.extensions).toEqual({ stale: [{ system: 'CALL_CENTER', ageMs: 1234 }] });
  });

  it('adds nothing when nothing was stale', async () => {
    const response = await runInRequestScope(() => server.executeOperation({ query: '{ __typename }' }));
    expect(response.body.kind === 'single' && response.body.singleResult.extensions).toBeUndefined();
  });
});

import { startProfileSubgraph } from '../profile/service';

// Apollo Server registers its own SIGINT/SIGTERM handlers unless told not to, but only when
// NODE_ENV is not "test"; so this test runs the subgraph as a development process would.
describe('a subgraph leaves termination signals to the process that started it', () => {
  const savedNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = savedNodeEnv;
  });

  it('adds no SIGINT or SIGTERM listener when it starts', async () => {
    process.env.NODE_ENV = 'development';
    const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    const subgraph = await startProfileSubgraph({ port: 0 });
    try {
      expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }).toEqual(before);
    } finally {
      await subgraph.close();
    }
  });
});

import { productChildArgs } from './productArgs';

describe('the split bench children\'s arguments', () => {
  it('reads the dataset, the simulators by url only, and the audit file', () => {
    const args = productChildArgs(['/data/set', '{"CARDS":"http://127.0.0.1:1/","ERP":"http://127.0.0.1:2/"}', '/tmp/audit.jsonl'], 'x.ts');
    expect(args).toEqual({ datasetDir: '/data/set', simulators: { CARDS: { url: 'http://127.0.0.1:1/' }, ERP: { url: 'http://127.0.0.1:2/' } }, auditPath: '/tmp/audit.jsonl' });
  });

  it.each([[[]], [['/data/set']], [['/data/set', '{}']], [['', '{}', '/tmp/a']]])('refuses %j with the usage line', (argv) => {
    expect(() => productChildArgs(argv, 'productMain.ts')).toThrow('usage: productMain.ts DATASET_DIR SIMULATOR_URLS_JSON AUDIT_PATH');
  });
});

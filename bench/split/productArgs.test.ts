import { productChildArgs } from './productArgs';

describe('the split bench children\'s arguments', () => {
  it('reads the dataset, the simulators by url only, and the audit file', () => {
    const args = productChildArgs(['/data/set', '{"CARDS":"http://127.0.0.1:1/","ERP":"http://127.0.0.1:2/"}', '/tmp/audit.jsonl'], 'x.ts');
    expect(args).toEqual({ datasetDir: '/data/set', simulators: { CARDS: { url: 'http://127.0.0.1:1/' }, ERP: { url: 'http://127.0.0.1:2/' } }, auditPath: '/tmp/audit.jsonl', cache: 'cold', follow: false });
  });

  it('takes the cache state as a fourth argument and "follow" as a fifth', () => {
    expect(productChildArgs(['/data/set', '{}', '/tmp/a', 'warm'], 'x.ts')).toMatchObject({ cache: 'warm', follow: false });
    expect(productChildArgs(['/data/set', '{}', '/tmp/a', 'cold'], 'x.ts')).toMatchObject({ cache: 'cold', follow: false });
    expect(productChildArgs(['/data/set', '{}', '/tmp/a', 'warm', 'follow'], 'x.ts')).toMatchObject({ cache: 'warm', follow: true });
  });

  it.each([[[]], [['/data/set']], [['/data/set', '{}']], [['', '{}', '/tmp/a']], [['/data/set', '{}', '/tmp/a', 'lukewarm']], [['/data/set', '{}', '/tmp/a', 'warm', 'yes']], [['/data/set', '{}', '/tmp/a', 'warm', 'follow', 'x']]])('refuses %j with the usage line', (argv) => {
    expect(() => productChildArgs(argv, 'productMain.ts')).toThrow('usage: productMain.ts DATASET_DIR SIMULATOR_URLS_JSON AUDIT_PATH [cold|warm [follow]]');
  });
});

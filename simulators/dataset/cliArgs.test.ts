import { parseCliArgs } from './cliArgs';
import { DatasetOptionsError } from './datasetErrors';

describe('parseCliArgs', () => {
  it('defaults to seed 42, 2000 persons, data/dataset, default noise', () => {
    expect(parseCliArgs([])).toEqual({ seed: 42, persons: 2000, out: 'data/dataset', noise: 'default' });
  });

  it('reads every option', () => {
    expect(parseCliArgs(['--seed', '7', '--persons', '1000000', '--out', '/tmp/x', '--noise', 'harsh'])).toEqual({
      seed: 7,
      persons: 1000000,
      out: '/tmp/x',
      noise: 'harsh',
    });
  });

  it.each([
    [['--persons', 'many']],
    [['--persons', '0']],
    [['--seed', '1.5']],
    [['--noise', 'loud']],
    [['--colour', 'red']],
    [['positional']],
    [['--out', '']],
  ])('rejects %j with a typed error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(DatasetOptionsError);
  });
});

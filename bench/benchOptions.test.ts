import { BenchOptionsError, parseBenchOptions } from './benchOptions';

describe('the bench command line', () => {
  it('defaults to 10 s, 8 connections, every scenario, a cold cache, auth on', () => {
    expect(parseBenchOptions([])).toEqual({
      durationSeconds: 10,
      connections: 8,
      scenario: 'all',
      cacheModes: ['cold'],
      workers: [],
      repeat: 1,
      warmupSeconds: 2,
      customerCount: 200,
      auth: true,
      bare: false,
      split: false,
      insights: false,
      jsonPath: undefined,
      faultSeconds: 10,
      recoverySeconds: 15,
    });
  });

  it('reads every option', () => {
    const argv = ['--duration', '30', '--connections', '4', '--scenario', 'latency', '--cache', 'both', '--workers', '1, 2', '--repeat', '3', '--warmup', '0', '--customers', '50', '--auth', 'off', '--bare', '--json', 'out.json', '--fault-seconds', '5', '--recovery-seconds', '7'];
    expect(parseBenchOptions(argv)).toEqual({
      durationSeconds: 30,
      connections: 4,
      scenario: 'latency',
      cacheModes: ['cold', 'warm'],
      workers: [1, 2],
      repeat: 3,
      warmupSeconds: 0,
      customerCount: 50,
      auth: false,
      bare: true,
      split: false,
      insights: false,
      jsonPath: 'out.json',
      faultSeconds: 5,
      recoverySeconds: 7,
    });
  });

  it('reads --split with the settings it measures', () => {
    expect(parseBenchOptions(['--split', '--duration', '10', '--repeat', '3', '--scenario', 'baseline', '--cache', 'cold'])).toMatchObject({
      split: true,
      durationSeconds: 10,
      repeat: 3,
      scenario: 'baseline',
      cacheModes: ['cold'],
      workers: [],
      bare: false,
    });
    // Alone, it takes the defaults (the default scenario list is run as its baseline).
    expect(parseBenchOptions(['--split'])).toMatchObject({ split: true, insights: false, scenario: 'all', cacheModes: ['cold'] });
    expect(parseBenchOptions(['--split', '--insights'])).toMatchObject({ split: true, insights: true });
  });

  it('refuses --insights without --split (only the split bench measures it)', () => {
    expect(() => parseBenchOptions(['--insights'])).toThrow('--insights is measured by --split only');
  });

  it.each([
    [['--split', '--cache', 'warm']],
    [['--split', '--cache', 'both']],
    [['--split', '--scenario', 'latency']],
    [['--split', '--scenario', 'faults']],
    [['--split', '--workers', '1']],
    [['--split', '--bare']],
    [['--split', 'yes']],
  ])('refuses %j: a split run would not measure it', (argv) => {
    expect(() => parseBenchOptions(argv)).toThrow(BenchOptionsError);
  });

  it.each([
    [['--duration', '0']],
    [['--duration', '1.5']],
    [['--duration', '-3']],
    [['--connections', 'many']],
    [['--workers', '1,x']],
    [['--scenario', 'fast']],
    [['--cache', 'lukewarm']],
    [['--auth', 'maybe']],
    [['--fault-seconds', '0']],
    [['--scenario', 'chaos']],
    [['--warmup', '-1']],
    [['--colour']],
    [['positional']],
  ])('refuses %j with a typed error', (argv) => {
    expect(() => parseBenchOptions(argv)).toThrow(BenchOptionsError);
  });
});

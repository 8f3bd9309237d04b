import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceParty } from '../../../adapters/canonical';
import { writeDataset } from '../../../simulators/dataset/writeDataset';
import { datasetParties } from './datasetParties';
import { applyChanges, createResolutionState, retrainResolution, type ResolutionState } from './incrementalResolution';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './matchConfig';
import { bandOf, pairKey, reviewQueue, type ScoredPair } from './reviewQueue';
import { reviewQueueOf } from './stateQueries';
import type { SourceRef, StewardOverrides } from './stewardOverrides';

const thresholds = { link: 0.9, review: 0.5 };

describe('bandOf', () => {
  it.each([
    [0.99, 'LINKED'],
    [0.9, 'LINKED'],
    [0.8999, 'REVIEW'],
    [0.5, 'REVIEW'],
    [0.4999, 'NOT_LINKED'],
    [0, 'NOT_LINKED'],
  ])('%f is %s', (p, band) => {
    expect(bandOf(p, thresholds)).toBe(band);
  });
});

const ref = (key: string): SourceRef => ({ system: key.slice(0, key.indexOf(':')) as SourceRef['system'], localId: key.slice(key.indexOf(':') + 1) });
const pair = (a: string, b: string, probability: number): ScoredPair => ({ a, b, probability, weight: Math.log2(probability / (1 - probability)) });
const NONE: StewardOverrides = { alwaysMatch: [], neverMatch: [] };

describe('reviewQueue', () => {
  const pairs = [
    pair('CARDS:CH1', 'CORE_BANKING:1', 0.7),
    pair('ERP:2', 'CORE_BANKING:2', 0.55),
    pair('CALL_CENTER:C3', 'CORE_BANKING:3', 0.95),
    pair('CALL_CENTER:C4', 'CORE_BANKING:4', 0.2),
    pair('CORE_BANKING:1', 'CARDS:CH1', 0.7),
  ];

  it('holds the review band, most probable first, each pair once with its records in key order', () => {
    expect(reviewQueue(pairs, NONE, thresholds).map((i) => [i.a, i.b, i.reason])).toEqual([
      ['CARDS:CH1', 'CORE_BANKING:1', 'REVIEW_BAND'],
      ['CORE_BANKING:2', 'ERP:2', 'REVIEW_BAND'],
    ]);
  });

  it('adds linked pairs that clustering kept apart', () => {
    const clusterOf = (key: string) => (key === 'CALL_CENTER:C3' ? 'x' : 'y');
    expect(reviewQueue(pairs, NONE, thresholds, clusterOf)[0]).toMatchObject({ a: 'CALL_CENTER:C3', b: 'CORE_BANKING:3', band: 'LINKED', reason: 'KEPT_APART' });
    expect(reviewQueue(pairs, NONE, thresholds, () => 'same').map((i) => i.reason)).not.toContain('KEPT_APART');
  });

  it('leaves out every pair a steward decided, whichever way round the decision names it', () => {
    const decisions: StewardOverrides = { alwaysMatch: [[ref('CORE_BANKING:1'), ref('CARDS:CH1')]], neverMatch: [[ref('ERP:2'), ref('CORE_BANKING:2')]] };
    expect(reviewQueue(pairs, decisions, thresholds)).toEqual([]);
  });
});

describe('the queue of a resolution state', () => {
  let dir: string;
  let parties: SourceParty[];
  // Wide review band, so a small population queues enough pairs to work with.
  const config: MatchConfig = { ...DEFAULT_MATCH_CONFIG, thresholds: { link: 0.999, review: 0.001 }, training: { ...DEFAULT_MATCH_CONFIG.training, randomPairs: 100_000 } };
  let state: ResolutionState;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'review-queue-'));
    await writeDataset({ seed: 5, persons: 300, noise: 'harsh', out: dir });
    parties = [];
    for await (const p of datasetParties(dir)) parties.push(p);
    state = createResolutionState(parties, { config });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is trained on the records and holds pairs waiting for a steward', () => {
    expect(state.config.model?.training.records).toBe(parties.length);
    expect(reviewQueueOf(state).length).toBeGreaterThan(0);
  });

  it.each(['LINK', 'UNLINK'] as const)('a pair decided %s leaves the queue, and stays decided after retraining', (decision) => {
    const item = reviewQueueOf(state)[0];
    const decided: [SourceRef, SourceRef] = [ref(item.a), ref(item.b)];
    const overrides: StewardOverrides = decision === 'LINK' ? { alwaysMatch: [decided], neverMatch: [] } : { alwaysMatch: [], neverMatch: [decided] };
    const after = applyChanges(state, [], { overrides }).state;
    const inQueue = (s: ResolutionState) => reviewQueueOf(s).some((i) => pairKey(i.a, i.b) === pairKey(item.a, item.b));
    expect(inQueue(state)).toBe(true);
    expect(inQueue(after)).toBe(false);

    const retrained = retrainResolution(after).state;
    expect(retrained.config.model).not.toBe(after.config.model);
    expect(inQueue(retrained)).toBe(false);
    const together = retrained.clusterOf.get(item.a) === retrained.clusterOf.get(item.b);
    expect(together).toBe(decision === 'LINK');
  });
});

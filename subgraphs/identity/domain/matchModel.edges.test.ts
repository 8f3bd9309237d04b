import { COMPARISONS } from './comparisons';
import { compileModel, modelToJson, parseModel, probabilityOfWeight, termFrequencyAdjustment, type MatchModel } from './matchModel';
import { handModel } from './modelFixtures';
import { normaliseParty } from './normalisedParty';
import { party } from './partyFixtures';

/** A model file as parsed JSON, edited freely to make it wrong. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases break the file's shape on purpose
type ModelFile = Record<string, any>;

/** The hand model, changed by `edit` (a deep copy, so cases do not leak into each other). */
const edited = (edit: (m: ModelFile) => void): unknown => {
  const m = JSON.parse(JSON.stringify(handModel())) as ModelFile;
  edit(m);
  return m;
};
const refusal = (value: unknown, file?: string): string => {
  try {
    parseModel(value, file);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('parseModel says what is wrong', () => {
  it.each([
    ['null', null, 'model file is not a JSON object (m.json)'],
    ['text', 'model', 'model file is not a JSON object (m.json)'],
    ['another format', edited((m) => (m.format = 'x')), 'model file is not a unified-view/match-model file (m.json)'],
    ['another version', edited((m) => (m.version = 2)), 'model file has version 2, this matcher reads version 1 (m.json)'],
    ['a prior of 1', edited((m) => (m.probabilityTwoRandomRecordsMatch = 1)), 'model file has no prior probabilityTwoRandomRecordsMatch in (0, 1) (m.json)'],
    ['a comparison missing', edited((m) => m.comparisons.pop()), 'model file does not hold the 9 comparisons givenName, familyName, birthDate, nationalId, postcode, street, locality, phone, email (m.json)'],
    ['comparisons not a list', edited((m) => (m.comparisons = {})), 'model file does not hold the 9 comparisons givenName, familyName, birthDate, nationalId, postcode, street, locality, phone, email (m.json)'],
    ['a renamed comparison', edited((m) => (m.comparisons[1].name = 'surname')), 'model file comparison 2 is not familyName (m.json)'],
    ['an empty comparison', edited((m) => (m.comparisons[3] = null)), 'model file comparison 4 is not nationalId (m.json)'],
    ['levels renamed', edited((m) => (m.comparisons[4].levels[1].label = 'close')), 'model file comparison postcode does not have the levels exact, oneEdit, else (m.json)'],
    ['levels not a list', edited((m) => (m.comparisons[4].levels = 'exact')), 'model file comparison postcode does not have the levels exact, oneEdit, else (m.json)'],
    ['an m of 1', edited((m) => (m.comparisons[7].levels[0].m = 1)), 'model file comparison phone level shared: m and u must be in (0, 1) (m.json)'],
    ['a u of 0', edited((m) => (m.comparisons[7].levels[1].u = 0)), 'model file comparison phone level else: m and u must be in (0, 1) (m.json)'],
    ['no term frequencies', edited((m) => delete m.comparisons[0].termFrequencies), 'model file comparison givenName has no termFrequencies {values, floor} (m.json)'],
    ['term frequencies without values', edited((m) => (m.comparisons[0].termFrequencies.values = null)), 'model file comparison givenName has no termFrequencies {values, floor} (m.json)'],
    ['term frequency values as text', edited((m) => (m.comparisons[0].termFrequencies.values = 'ANN')), 'model file comparison givenName has no termFrequencies {values, floor} (m.json)'],
    ['a floor of 1', edited((m) => (m.comparisons[1].termFrequencies.floor = 1)), 'model file comparison familyName has no termFrequencies {values, floor} (m.json)'],
    ['a term frequency of 1.5', edited((m) => (m.comparisons[1].termFrequencies.values = { SMITH: 1.5 })), 'model file comparison familyName has a term frequency outside (0, 1) (m.json)'],
  ])('%s', (_case, value, message) => {
    expect(refusal(value, 'm.json')).toBe(message);
  });

  it('says it without a file name when there is none', () => {
    expect(refusal(null)).toBe('model file is not a JSON object');
  });
});

describe('parseModel reads the training summary leniently', () => {
  it('takes finite numbers, and 0 or false for anything else', () => {
    const model = parseModel(edited((m) => (m.training = { records: 5, candidatePairs: 'many', randomPairs: Infinity, emIterations: 3, converged: 'yes', matchShareOfCandidates: 0.25 })));
    expect(model.training).toEqual({ records: 5, candidatePairs: 0, randomPairs: 0, emIterations: 3, converged: false, matchShareOfCandidates: 0.25 });
    expect(parseModel(edited((m) => (m.training.converged = true))).training.converged).toBe(true);
    expect(parseModel(edited((m) => delete m.training)).training).toEqual({ records: 0, candidatePairs: 0, randomPairs: 0, emIterations: 0, converged: false, matchShareOfCandidates: 0 });
  });

  it('gives a missing minimum count 1', () => {
    const model = parseModel(edited((m) => delete m.comparisons[0].termFrequencies.minCount));
    expect(model.comparisons[0].termFrequencies).toEqual({ values: {}, floor: 0.001, minCount: 1 });
    expect(parseModel(edited((m) => (m.comparisons[0].termFrequencies.minCount = 7))).comparisons[0].termFrequencies!.minCount).toBe(7);
  });
});

describe('modelToJson rounds for readers', () => {
  it('to six digits, and four significant digits for weights, never rounding a probability to 1', () => {
    const model = edited((m) => {
      m.comparisons[7].levels[0].m = 0.9999999;
      m.comparisons[8].levels[0].m = 0.12345678;
    }) as MatchModel;
    const text = modelToJson(model);
    expect(text.endsWith('}\n')).toBe(true);
    const json = JSON.parse(text);
    expect(json.comparisons[7].levels[0].m).toBe(0.9999999);
    expect(json.comparisons[8].levels[0].m).toBe(0.123457);
    // else: log2(0.02 / 0.9) = -5.491853...
    expect(json.comparisons[0].levels[7].weight).toBe(-5.492);
  });
});

describe('probabilityOfWeight below zero', () => {
  it('is 2^w / (1 + 2^w)', () => {
    expect(probabilityOfWeight(-1)).toBeCloseTo(1 / 3, 12);
    expect(probabilityOfWeight(-3)).toBeCloseTo(1 / 9, 12);
    expect(probabilityOfWeight(-Infinity)).toBe(0);
    expect(probabilityOfWeight(Infinity)).toBe(1);
  });
});

describe('termFrequencyAdjustment', () => {
  // uExact is the exact level's u, 0.01; ANN is 4 % of given names, others take the floor 0.001.
  const compiled = compileModel(handModel({ givenName: { values: { ANN: 0.04 }, floor: 0.001, minCount: 1 }, familyName: { values: { ANN: 0.04 }, floor: 0.001, minCount: 1 } }));
  const a = normaliseParty(party('CORE_BANKING', '1', { givenName: 'Zed', familyName: 'Zed' }));
  const b = normaliseParty(party('CARDS', '2', { givenName: 'Ann', familyName: 'Zed' }));
  const c = normaliseParty(party('CARDS', '3', { givenName: 'Zed', familyName: 'Ann' }));
  const given = COMPARISONS.findIndex((x) => x.name === 'givenName');
  const family = COMPARISONS.findIndex((x) => x.name === 'familyName');

  it('takes the share of the more common of the two values', () => {
    // ZED against ANN: log2(0.01 / 0.04) = -2.
    expect(termFrequencyAdjustment(compiled, given, a, b, false)).toBeCloseTo(-2, 12);
    expect(termFrequencyAdjustment(compiled, family, a, c, false)).toBeCloseTo(-2, 12);
  });

  it('reads the other record’s names crosswise when the names were swapped', () => {
    // ZED against b's family name ZED: log2(0.01 / 0.001).
    expect(termFrequencyAdjustment(compiled, given, a, b, true)).toBeCloseTo(Math.log2(10), 12);
    expect(termFrequencyAdjustment(compiled, family, a, c, true)).toBeCloseTo(Math.log2(10), 12);
  });

  it('is 0 for comparisons without term frequencies', () => {
    expect(termFrequencyAdjustment(compiled, COMPARISONS.findIndex((x) => x.name === 'birthDate'), a, b, false)).toBe(0);
  });
});

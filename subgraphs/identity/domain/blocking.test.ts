import { BlockingIndex, blockingKeys, candidatePairs, emptyBlockingStats, keyHash } from './blocking';
import { BLOCKING_RULE_NAMES, BLOCKING_RULES, blockingKeysOfRule } from './blockingRules';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

const p = (id: string, fields: Parameters<typeof party>[2]): NormalisedParty => normaliseParty(party('CORE_BANKING', id, fields));
const ALL = BLOCKING_RULE_NAMES;

describe('blockingKeys', () => {
  it('keys a record by every rule it has the fields for', () => {
    const keys = blockingKeys(
      p('1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['07700 900001'], emails: ['Ann@X.com'], address: ukAddress('3 Mill Lane', 'YO1 1AA', null, 'York') }),
      ALL,
    );
    expect(keys).toEqual([
      'n:AB123456C',
      'e:ann@x.com',
      't:+447700900001',
      'd:1980-01-02:ANN',
      'd:1980-01-02:LEE',
      'a:YO11AA:ANN',
      'a:YO11AA:LEE',
      'h:YO11AA:3',
      'b:1980-01-02:YO11AA',
      'p:AN:L',
      's:YORK:MILLLANE',
      'y:AN:L:1980',
      'w:AN:L:YORK',
    ]);
  });

  it('gives swapped names the same name and phonetic keys', () => {
    const a = p('1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02' });
    const b = p('2', { givenName: 'Lee', familyName: 'Ann', birthDate: '1980-01-02' });
    for (const rule of [BLOCKING_RULES.birthDateName, BLOCKING_RULES.phoneticNames]) expect(blockingKeysOfRule(a, rule).sort()).toEqual(blockingKeysOfRule(b, rule).sort());
  });

  it('gives names that sound alike one phonetic key', () => {
    const a = p('1', { givenName: 'Katherine', familyName: 'Smith' });
    const b = p('2', { givenName: 'Catherine', familyName: 'Smyth' });
    expect(blockingKeysOfRule(a, BLOCKING_RULES.phoneticNames)).toEqual(blockingKeysOfRule(b, BLOCKING_RULES.phoneticNames));
  });

  it('holds no key for a missing field, and no name key for an initial', () => {
    expect(blockingKeys(p('1', {}), ALL)).toEqual([]);
    expect(blockingKeys(p('1', { givenName: 'A', familyName: 'Lee', birthDate: '1980-01-02' }), ALL)).toEqual(['d:1980-01-02:LEE']);
  });

  it('hashes keys to 30 bits', () => {
    for (const key of ['', 'e:a@b.c', 'd:1980-01-01:ANN']) {
      expect(Number.isInteger(keyHash(key))).toBe(true);
      expect(keyHash(key)).toBeGreaterThanOrEqual(0);
      expect(keyHash(key)).toBeLessThan(2 ** 30);
    }
  });
});

/** Every pair sharing a key, by brute force over the key strings (the oracle for candidatePairs). */
function sharingPairs(records: NormalisedParty[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const mine = new Set(blockingKeys(records[i], ALL));
    for (let j = i + 1; j < records.length; j++) if (blockingKeys(records[j], ALL).some((k) => mine.has(k))) out.push(`${i}-${j}`);
  }
  return out;
}

describe('candidatePairs', () => {
  const records = [
    p('1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', phones: ['07700 900001'], emails: ['ann@x.com'] }),
    p('2', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', phones: ['+447700900001'], emails: ['ann@x.com'] }),
    p('3', { givenName: 'Bob', familyName: 'Lee', birthDate: '1980-01-02' }),
    p('4', { givenName: 'Cy', familyName: 'Young', emails: ['cy@x.com'] }),
    p('5', { givenName: 'Kathryn', familyName: 'Smyth', address: ukAddress('3 Mill Lane', 'YO1 1AA') }),
    p('6', { givenName: 'Catherine', familyName: 'Smith', address: ukAddress('Mill Lane 3', 'LS2 9ZZ', null, 'York') }),
    p('7', { givenName: 'Zed', familyName: 'Price', birthDate: '1970-05-05', address: ukAddress('1 Elm Grove', 'YO1 1AA') }),
    p('8', { givenName: 'Zak', familyName: 'Prince', birthDate: '1970-05-05', address: ukAddress('9 Oak Close', 'YO1 1AA') }),
  ];

  it('produces each pair sharing any key exactly once, smaller index first', () => {
    const pairs = [...candidatePairs(records, ALL, 64)].map(([i, j]) => `${i}-${j}`);
    expect(pairs.sort()).toEqual(['0-1', '0-2', '1-2', '4-5', '6-7']);
    expect(pairs.sort()).toEqual(sharingPairs(records));
  });

  it('counts pairs by the first rule that produces them', () => {
    const stats = emptyBlockingStats();
    expect([...candidatePairs(records, ALL, 64, stats)]).toHaveLength(5);
    expect(stats.candidatePairs).toBe(5);
    expect(stats.pairsByRule).toEqual({ email: 1, birthDateName: 2, phoneticNames: 1, birthDatePostcode: 1 });
  });

  it('produces the brute-force pairs on a crowd of look-alikes', () => {
    const given = ['Ann', 'Anne', 'Bob', 'Kathryn', 'Catherine'];
    const family = ['Lee', 'Leigh', 'Smith', 'Smyth'];
    const crowd = Array.from({ length: 40 }, (_, i) =>
      p(String(i), {
        givenName: given[i % 5],
        familyName: family[(i * 7) % 4],
        birthDate: i % 3 === 0 ? '1980-01-02' : '1991-07-07',
        phones: i % 4 === 0 ? ['07700 900001'] : [],
        address: i % 2 === 0 ? ukAddress(`${i % 6} Mill Lane`, i % 5 === 0 ? 'YO1 1AA' : 'LS1 1AA') : null,
      }),
    );
    const pairs = [...candidatePairs(crowd, ALL, 1000)].map(([i, j]) => `${i}-${j}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.sort()).toEqual(sharingPairs(crowd).sort());
  });

  it('skips blocks over the size cap, and counts them', () => {
    const crowd = Array.from({ length: 5 }, (_, i) => p(String(i), { emails: ['shared@x.com'] }));
    const stats = emptyBlockingStats();
    expect([...candidatePairs(crowd, ALL, 4, stats)]).toEqual([]);
    expect(stats).toMatchObject({ blocks: 1, oversizedBlocks: 1, candidatePairs: 0 });
    expect([...candidatePairs(crowd, ALL, 5)]).toHaveLength(10);
  });

  it('still pairs records through another key when one key is oversized', () => {
    const crowd = Array.from({ length: 5 }, (_, i) => p(String(i), { emails: ['shared@x.com'], phones: [i < 2 ? '07700 900001' : `07700 90001${i}`] }));
    expect([...candidatePairs(crowd, ALL, 4)]).toEqual([[0, 1]]);
  });

  it('honours the population size of a key over the local one', () => {
    expect([...candidatePairs(records.slice(0, 2), ALL, 64, undefined, (key) => (key.startsWith('e:') ? 1000 : 2))]).toEqual([[0, 1]]);
    expect([...candidatePairs(records.slice(0, 2), ALL, 64, undefined, () => 1000)]).toEqual([]);
  });

  it('uses only the rules it is given', () => {
    expect([...candidatePairs(records, ['email'], 64)]).toEqual([[0, 1]]);
  });

  it('tells afterwards whether a pair was compared', () => {
    const index = new BlockingIndex(records, ALL, 64);
    expect([...index.pairs()]).toHaveLength(5);
    expect(index.compared(0, 1)).toBe(true);
    expect(index.compared(4, 5)).toBe(true);
    expect(index.compared(0, 3)).toBe(false);
    expect(index.compared(2, 2)).toBe(false);
  });
});

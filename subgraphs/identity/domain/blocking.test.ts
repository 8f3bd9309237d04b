import { BLOCKING_KINDS, blockingHashesOfKind, blockingKeys, blockingKeysOfKind, candidatePairs, keyHash, shareKeyOfKind, type BlockingStats } from './blocking';
import { normaliseParty, type NormalisedParty } from './normalisedParty';
import { party, ukAddress } from './partyFixtures';

const p = (id: string, fields: Parameters<typeof party>[2]): NormalisedParty => normaliseParty(party('CORE_BANKING', id, fields));

describe('blockingKeys', () => {
  it('keys a record by every identifier it holds', () => {
    const keys = blockingKeys(p('1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['07700 900001'], emails: ['Ann@X.com'], address: ukAddress('3 Mill Lane', 'YO1 1AA') }));
    expect(keys).toEqual([
      'n:AB123456C',
      'e:ann@x.com',
      't:+447700900001',
      'd:1980-01-02:ANN',
      'd:1980-01-02:LEE',
      'a:YO11AA:ANN',
      'a:YO11AA:LEE',
      'h:YO11AA:3',
    ]);
  });
  it('gives swapped names the same name keys', () => {
    const a = p('1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02' });
    const b = p('2', { givenName: 'Lee', familyName: 'Ann', birthDate: '1980-01-02' });
    expect(blockingKeysOfKind(a, 'birthDateName').sort()).toEqual(blockingKeysOfKind(b, 'birthDateName').sort());
  });
  it('holds no key for a missing field', () => {
    expect(blockingKeys(p('1', {}))).toEqual([]);
  });
  it('hashes keys to 30 bits', () => {
    for (const key of ['', 'e:a@b.c', 'd:1980-01-01:ANN']) {
      expect(Number.isInteger(keyHash(key))).toBe(true);
      expect(keyHash(key)).toBeGreaterThanOrEqual(0);
      expect(keyHash(key)).toBeLessThan(2 ** 30);
    }
  });
});

describe('candidatePairs', () => {
  const records = [
    p('1', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', phones: ['07700 900001'], emails: ['ann@x.com'] }),
    p('2', { givenName: 'Ann', familyName: 'Lee', birthDate: '1980-01-02', phones: ['+447700900001'], emails: ['ann@x.com'] }),
    p('3', { givenName: 'Bob', familyName: 'Lee', birthDate: '1980-01-02' }),
    p('4', { givenName: 'Cy', familyName: 'Young', emails: ['cy@x.com'] }),
  ];

  it('produces each pair sharing any key exactly once, smaller index first', () => {
    const pairs = [...candidatePairs(records, 64)].map(([i, j]) => `${i}-${j}`);
    expect(pairs.sort()).toEqual(['0-1', '0-2', '1-2']);
  });

  it('produces only pairs that truly share a key', () => {
    for (const [i, j] of candidatePairs(records, 64)) {
      expect(BLOCKING_KINDS.some((kind) => shareKeyOfKind(records[i], records[j], kind))).toBe(true);
    }
  });

  it('skips blocks over the size cap, and counts them', () => {
    const crowd = Array.from({ length: 5 }, (_, i) => p(String(i), { emails: ['shared@x.com'] }));
    const stats: BlockingStats = { blocks: 0, oversizedBlocks: 0, candidatePairs: 0 };
    expect([...candidatePairs(crowd, 4, stats)]).toEqual([]);
    expect(stats).toEqual({ blocks: 1, oversizedBlocks: 1, candidatePairs: 0 });
    expect([...candidatePairs(crowd, 5)]).toHaveLength(10);
  });

  it('still pairs records through another key when one key is oversized', () => {
    const crowd = Array.from({ length: 5 }, (_, i) => p(String(i), { emails: ['shared@x.com'], phones: [i < 2 ? '07700 900001' : `07700 90001${i}`] }));
    expect([...candidatePairs(crowd, 4)]).toEqual([[0, 1]]);
  });

  it('honours the population size of a key over the local one', () => {
    expect([...candidatePairs(records.slice(0, 2), 64, undefined, (key) => (key.startsWith('e:') ? 1000 : 2))]).toEqual([[0, 1]]);
    expect([...candidatePairs(records.slice(0, 2), 64, undefined, () => 1000)]).toEqual([]);
  });
});

describe('blockingHashesOfKind', () => {
  it('equals the hashes of the keys', () => {
    const record = p('1', { givenName: 'Ann Marie', familyName: 'Lee', birthDate: '1980-01-02', nationalId: 'AB123456C', phones: ['07700 900001', '020 7946 0000'], emails: ['Ann@X.com'], address: ukAddress('3 Mill Lane', 'YO1 1AA') });
    const swapped = p('2', { givenName: 'Lee', familyName: 'Lee', birthDate: '1980-01-02' });
    const initial = p('3', { givenName: 'A', familyName: 'A', birthDate: '1980-01-02' });
    for (const r of [record, swapped, initial]) {
      for (const kind of BLOCKING_KINDS) expect(blockingHashesOfKind(r, kind)).toEqual(blockingKeysOfKind(r, kind).map(keyHash));
    }
  });
});

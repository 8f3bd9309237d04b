import { NOISE_PROFILES } from './noiseProfile';
import type { NoiseProfile } from './noiseProfile';
import { hasDiacritics, recordAddress, recordBirthDate, recordEmail, recordName, recordNationalId, recordPhone } from './partyNoise';
import { ENGLISH_FAMILY_NAMES } from './names';
import { Random } from './random';
import { NICKNAMES } from './nicknames';

const NONE: NoiseProfile = {
  ...NOISE_PROFILES.default,
  nickname: 0,
  typo: 0,
  swappedNames: 0,
  phoneFormat: 0,
  caseChange: 0,
  diacriticsStripped: 0,
  familyNameReplaced: 0,
  birthDateError: 0,
  nationalIdTypo: 0,
  addressError: 0,
};

describe('recordName', () => {
  it('records the name unchanged when every rate is zero', () => {
    expect(recordName('Zoë', 'Müller', new Random(1), NONE)).toEqual({ given: 'Zoë', family: 'Müller' });
  });

  it('applies at most one letter-changing edit when anchors are protected', () => {
    const always = { ...NONE, nickname: 1, typo: 1, swappedNames: 1 };
    for (let seed = 0; seed < 200; seed++) {
      const name = recordName('William', 'Smith', new Random(seed), always);
      // The nickname wins; no typo or swap on top of it.
      expect(NICKNAMES.William).toContain(name.given);
      expect(name.family).toBe('Smith');
    }
  });

  it('stacks edits when anchors are not protected (harsh)', () => {
    const always = { ...NONE, nickname: 1, typo: 1, swappedNames: 1, protectAnchors: false };
    for (let seed = 0; seed < 50; seed++) {
      const name = recordName('William', 'Smith', new Random(seed), always);
      // Swapped, on top of a nickname and a typo: the family field holds the nickname.
      expect(name.family[0]).not.toBe('S');
      expect(name.given[0]).toBe('S');
      expect(`${name.given}${name.family}`).not.toBe('SmithWilliam');
    }
  });

  it('strips diacritics and changes case at rate 1', () => {
    const strip = { ...NONE, diacriticsStripped: 1 };
    expect(recordName('Łukasz', 'Gößling', new Random(2), strip)).toEqual({ given: 'Lukasz', family: 'Gossling' });
    const upper = recordName('Zoë', 'Smith', new Random(2), { ...NONE, caseChange: 1 });
    expect([['ZOË', 'SMITH'], ['zoë', 'smith']]).toContainEqual([upper.given, upper.family]);
  });
});

describe('recordPhone and recordEmail', () => {
  it('keeps E.164 at rate 0 and never at rate 1', () => {
    expect(recordPhone('+447700900123', new Random(1), NONE)).toBe('+447700900123');
    for (let seed = 0; seed < 50; seed++) {
      expect(recordPhone('+447700900123', new Random(seed), { ...NONE, phoneFormat: 1 })).not.toBe('+447700900123');
    }
  });

  it('changes only the case of an email', () => {
    for (let seed = 0; seed < 50; seed++) {
      const out = recordEmail('zoe.muller12@example.com', new Random(seed), { ...NONE, caseChange: 1 });
      expect(out).not.toBe('zoe.muller12@example.com');
      expect(out.toLowerCase()).toBe('zoe.muller12@example.com');
    }
  });

  it('detects diacritics', () => {
    expect(hasDiacritics('Zoë')).toBe(true);
    expect(hasDiacritics("O'Brien")).toBe(false);
  });
});

describe('keying errors FEBRL-style data sets show', () => {
  const address = { line1: '97 Castle Street', line2: null, city: 'York', postalCode: 'YO1 7HP', country: 'GB' };

  it('leaves every value true at rate 0, or when the value is a protected anchor', () => {
    const always = { ...NONE, birthDateError: 1, addressError: 1 };
    for (let seed = 0; seed < 20; seed++) {
      expect(recordBirthDate('1980-03-07', Random.forStream(11, seed), NONE, false)).toBe('1980-03-07');
      expect(recordBirthDate('1980-03-07', Random.forStream(11, seed), always, true)).toBe('1980-03-07');
      expect(recordNationalId('AB123456C', Random.forStream(11, seed), NONE)).toBe('AB123456C');
      expect(recordAddress(address, Random.forStream(11, seed), always, true)).toBe(address);
    }
  });

  it('keys birth dates wrongly in the three ways, at rate 1', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const d = recordBirthDate('1980-03-07', Random.forStream(11, seed), { ...NONE, birthDateError: 1 }, false);
      expect(d).not.toBe('1980-03-07');
      const diffs = [...d].filter((c, i) => c !== '1980-03-07'[i]).length;
      seen.add(d === '1980-07-03' ? 'swap' : diffs <= 2 ? 'typo' : 'replaced');
    }
    expect([...seen].sort()).toEqual(['replaced', 'swap', 'typo']);
  });

  it('puts one keying error in a national id’s digits, keeping its letters', () => {
    for (let seed = 0; seed < 100; seed++) {
      const id = recordNationalId('AB123456C', Random.forStream(11, seed), { ...NONE, nationalIdTypo: 1 });
      expect(id).toMatch(/^AB\d{6}C$/);
      expect(id).not.toBe('AB123456C');
    }
  });

  it('replaces the house number or mistypes the postcode, at rate 1', () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const a = recordAddress(address, Random.forStream(11, seed), { ...NONE, addressError: 1 }, false);
      expect(a).not.toEqual(address);
      kinds.add(a.line1 !== address.line1 ? 'number' : 'postcode');
      expect(a.line1.endsWith(' Castle Street')).toBe(true);
    }
    expect([...kinds].sort()).toEqual(['number', 'postcode']);
  });

  it('replaces the family name with another one, unless another edit already changed the name (protected)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const replaced = recordName('Ann', 'Smith', Random.forStream(11, seed), { ...NONE, familyNameReplaced: 1 });
      expect(replaced.family).not.toBe('Smith');
      expect(ENGLISH_FAMILY_NAMES).toContain(replaced.family);
      const withNickname = recordName('William', 'Smith', Random.forStream(11, seed), { ...NONE, nickname: 1, familyNameReplaced: 1 });
      expect(withNickname.family).toBe('Smith');
    }
  });
});

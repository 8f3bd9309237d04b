import { NOISE_PROFILES } from './noiseProfile';
import type { NoiseProfile } from './noiseProfile';
import { hasDiacritics, recordEmail, recordName, recordPhone } from './partyNoise';
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

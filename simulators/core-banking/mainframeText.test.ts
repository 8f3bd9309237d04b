import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../dataset/loadDataset';
import { DIACRITIC_FAMILY_NAMES, DIACRITIC_GIVEN_NAMES, ENGLISH_FAMILY_NAMES, ENGLISH_GIVEN_NAMES } from '../dataset/names';
import { writeDataset } from '../dataset/writeDataset';
import { inCodePage } from './ccsid870';
import { toMainframeText } from './mainframeText';

describe('toMainframeText (expected spellings written by hand from the CCSID 870 chart)', () => {
  it.each([
    ['Bartłomiej', 'BARTŁOMIEJ'],
    ['Wiśniewska', 'WIŚNIEWSKA'],
    ['Dvořák', 'DVOŘÁK'],
    ['Müller', 'MÜLLER'],
    ['Gößling', 'GÖßLING'], // the host has no capital ß: its translate table leaves ß alone
    ['Çelik', 'ÇELIK'],
    ['Yılmaz', 'YILMAZ'],
    ['Lefèvre', 'LEFEVRE'], // È is not in 870: the accent goes
    ['Núñez', 'NÚNEZ'], // Ú is, Ñ is not
    ['Søren', 'SOREN'], // a fixed spelling: Ø has no accent to drop
    ['João', 'JOAO'],
    ['St John’s Road', "ST JOHN'S ROAD"],
    ['anne@example.com', 'ANNE@EXAMPLE.COM'],
  ])('%s is held as %s', (input, held) => {
    expect(toMainframeText(input)).toBe(held);
  });

  it('leaves a character no rule folds for the encoder to write as SUB', () => {
    expect(toMainframeText('李')).toBe('李');
    expect(inCodePage('李')).toBe(false);
    expect(toMainframeText(null)).toBe('');
  });

  it('holds every name in the generator\'s tables without a substitution', () => {
    const names = [...ENGLISH_GIVEN_NAMES, ...DIACRITIC_GIVEN_NAMES, ...ENGLISH_FAMILY_NAMES, ...DIACRITIC_FAMILY_NAMES];
    const lost = names.filter((name) => ![...toMainframeText(name)].every(inCodePage));
    expect(lost).toEqual([]);
  });

  it('holds every text of a generated core-banking population without a substitution', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mainframe-text-'));
    try {
      await writeDataset({ seed: 7, persons: 400, noise: 'default', out: dir });
      const { coreBanking } = await loadDataset(dir);
      const texts = coreBanking.flatMap((r) => [
        r.givenName, r.familyName, r.nationalId, r.addressLine1, r.addressLine2, r.city, r.postalCode, r.country, r.phone, r.email,
        ...r.accounts.flatMap((a) => a.transactions.map((t) => t.description)),
      ]);
      const lost = texts.filter((text) => ![...toMainframeText(text)].every(inCodePage));
      expect(lost).toEqual([]);
      // The population does hold Latin-2 names for the code page to keep.
      expect(texts.some((text) => /[ŁŚŘ]/u.test(toMainframeText(text)))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

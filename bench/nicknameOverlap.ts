/**
 * `npx tsx bench/nicknameOverlap.ts`
 *
 * How many of the generator's nicknames (simulators/dataset/nicknames.ts) the matcher's own
 * table (subgraphs/identity/domain/nicknames.ts) recognises. The two tables are kept apart on
 * purpose: a matcher evaluated on noise made from its own table would be graded on its own
 * answers. Nicknames the matcher does not know fall to its other name levels (edits,
 * Jaro-Winkler, phonetic, else) and to the other fields.
 */
import { NICKNAMES } from '../simulators/dataset/nicknames';
import { canonicalGivenNames } from '../subgraphs/identity/domain/nicknames';
import { normaliseNameText } from '../subgraphs/identity/domain/nameNormalisation';

export function nicknameOverlap(): { pairs: number; known: number; unknown: string[] } {
  let pairs = 0;
  const unknown: string[] = [];
  for (const [name, nicknames] of Object.entries(NICKNAMES)) {
    const canonical = canonicalGivenNames(normaliseNameText(name));
    const of = canonical.length > 0 ? canonical : [normaliseNameText(name)];
    for (const nickname of nicknames) {
      pairs++;
      if (!canonicalGivenNames(normaliseNameText(nickname)).some((c) => of.includes(c))) unknown.push(`${nickname} (${name})`);
    }
  }
  return { pairs, known: pairs - unknown.length, unknown };
}

if (require.main === module) {
  const { pairs, known, unknown } = nicknameOverlap();
  process.stdout.write(`the matcher's table recognises ${known} of the generator's ${pairs} (name, nickname) pairs (${((100 * known) / pairs).toFixed(0)}%)\nnot recognised: ${unknown.join(', ')}\n`);
}

import nicknameGroups from './nicknameGroups.json';

/**
 * The matcher's own nickname groups: a canonical English given name followed by the short and
 * familiar forms in everyday use for it (upper case, ASCII, as produced by `normaliseNameText`).
 *
 * Compiled for the matcher from common English usage, independently of the data generator's
 * table (simulators/dataset/nicknames.ts): a matcher graded on noise made from its own table
 * would be graded on its own answers. `npx tsx bench/nicknameOverlap.ts` reports how much of the
 * generator's table this one happens to know. Forms that are mostly given names in their own
 * right (Liam, Drew, Nathan, Ella, Anna, Lisa, Amy) are left out: read as nicknames, they would
 * make different people look alike.
 *
 * A form may belong to several groups (ALEX is ALEXANDER or ALEXANDRA), so lookups return every
 * canonical name a form can stand for; two given names are compatible when those sets meet.
 * The table is data, not logic (`nicknameGroups.json`, one group a line): the model gives a
 * nickname agreement the weight it learns. Being data, it is not mutated by Stryker (TESTING.md).
 */
export const NICKNAME_GROUPS: readonly (readonly string[])[] = nicknameGroups;

const byForm: Map<string, string[]> = nicknameIndex(NICKNAME_GROUPS);

/**
 * Every form of a table (the canonical names too) -> the canonical names it may stand for, each
 * once, sorted: whatever order or repetition the table's groups have, lookups agree.
 */
export function nicknameIndex(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const group of groups) {
    const canonical = group[0];
    for (const form of group) {
      const list = index.get(form) ?? [];
      if (!list.includes(canonical)) list.push(canonical);
      index.set(form, list);
    }
  }
  for (const list of index.values()) list.sort();
  return index;
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Every canonical given name a normalised form may stand for, sorted; empty when the form is not
 * in the table (it then stands for itself only). The arrays are shared: do not modify them.
 */
export function canonicalGivenNames(form: string): readonly string[] {
  return byForm.get(form) ?? NONE;
}

/**
 * Letter-case helpers shared by the display forms of names (nameDisplay.ts) and addresses
 * (addressDisplay.ts): both recase only text a system shouted or whispered.
 */

export const HAS_LOWER = /\p{Ll}/u;
export const HAS_UPPER = /\p{Lu}/u;

/** The first character in capitals, when that keeps it one character (ß would become SS). */
export function capitalise(word: string): string {
  const [first, ...rest] = Array.from(word);
  if (first === undefined) return word;
  const upper = first.toUpperCase();
  return (Array.from(upper).length === 1 ? upper : first) + rest.join('');
}

/**
 * Text as the mainframe holds it: upper case, unaccented, printable ASCII. Data entered on a
 * 3270 screen decades ago lost its accents, so `Müller` lives on as `MULLER`; reproducing that
 * loss is part of what the matching layer downstream has to cope with.
 */
export function toMainframeText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Most values are plain ASCII already; skip the Unicode work for them.
  if (/^[\x20-\x7e]*$/.test(value)) return value.toUpperCase();
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\x20-\x7e]/g, '?');
}

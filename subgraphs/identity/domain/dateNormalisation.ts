/**
 * Birth dates to ISO `YYYY-MM-DD`. Systems hold `1980-03-07`, `19800307`, `07/03/1980` (UK
 * day-first) or a full instant; anything else, or an impossible calendar date, is null so that a
 * garbled date never becomes evidence either way.
 */
function iso(year: number, month: number, day: number): string | null {
  if (year < 1850 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return iso(+m[3], +m[2], +m[1]);
  return null;
}

/**
 * How alike two ISO dates are: 'same', 'near' (one typo: a single digit differs, or day and month
 * swapped), or 'different'. A missing date is 'unknown', which is no evidence either way.
 */
export type DateAgreement = 'same' | 'near' | 'different' | 'unknown';

export function compareDates(a: string | null, b: string | null): DateAgreement {
  if (!a || !b) return 'unknown';
  if (a === b) return 'same';
  let diffs = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs++;
  if (diffs === 1) return 'near';
  // Day and month swapped (US vs UK entry): 1980-03-07 vs 1980-07-03.
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) return 'near';
  // Two adjacent digits transposed inside one field (1987 vs 1978).
  if (diffs === 2) {
    const idx: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) idx.push(i);
    if (idx[1] === idx[0] + 1 && a[idx[0]] === b[idx[1]] && a[idx[1]] === b[idx[0]]) return 'near';
  }
  return 'different';
}

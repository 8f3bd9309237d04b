/**
 * Email normalisation. Only what every mail system agrees on is folded: surrounding spaces and
 * case (domains are case-insensitive and in practice so are local parts). Dots and `+tags` are
 * significant for most providers, so they are removed only for Gmail, which documents ignoring them.
 */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim().toLowerCase().replace(/^mailto:/, '');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1 || /\s/.test(trimmed)) return null;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.split('+')[0].replace(/\./g, '');
    domain = 'gmail.com';
  }
  if (!local) return null;
  return `${local}@${domain}`;
}

/** Normalises every address, dropping unusable ones and repeats; first-seen order kept. */
export function normaliseEmails(raws: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const raw of raws) {
    const email = normaliseEmail(raw);
    if (email && !out.includes(email)) out.push(email);
  }
  return out;
}

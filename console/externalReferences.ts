/**
 * The other-origin resources a built file would make the browser fetch: the check behind "the
 * console works offline". HTML and CSS: any absolute or protocol-relative URL in `src`, `href`,
 * `url(...)` or `@import` (a page's own links to documentation are not in these files). JS: the
 * bundled libraries mention many https links (documentation, licences) that are never fetched,
 * so only hosts that serve code, styles or fonts to pages (CDNs, web fonts) count.
 */
const CDN_HOSTS = [
  'unpkg.com',
  'cdn.jsdelivr.net',
  'cdnjs.cloudflare.com',
  'esm.sh',
  'cdn.skypack.dev',
  'ga.jspm.io',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
  'use.typekit.net',
  'embeddable-sandbox.cdn.apollographql.com',
  'apollo-server-landing-page.cdn.apollographql.com',
];

const HTML_REFERENCE = /\b(?:src|href)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi;
const CSS_REFERENCE = /(?:url\(\s*["']?|@import\s+["'])\s*((?:https?:)?\/\/[^"')\s]+)/gi;
const CDN_REFERENCE = new RegExp(`(?:https?:)?//(?:[a-z0-9-]+\\.)*(?:${CDN_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})[^"'\`\\s)]*`, 'gi');

export function externalReferences(text: string, fileName: string): string[] {
  const found = new Set<string>();
  const collect = (pattern: RegExp, group: number) => {
    for (const match of text.matchAll(pattern)) found.add(match[group]);
  };
  if (/\.html?$/i.test(fileName)) {
    collect(HTML_REFERENCE, 1);
    collect(CSS_REFERENCE, 1);
  } else if (/\.css$/i.test(fileName)) {
    collect(CSS_REFERENCE, 1);
  }
  if (/\.(?:html?|css|m?js)$/i.test(fileName)) collect(CDN_REFERENCE, 0);
  return [...found];
}

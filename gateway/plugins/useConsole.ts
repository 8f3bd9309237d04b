import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GatewayPlugin, GatewayRoute } from './gatewayPlugin';

/** Where `npm run build:console` writes the pages (console/buildConsole.ts). */
export const CONSOLE_DIST_DIR = resolve(__dirname, '..', '..', 'console', 'dist');

/** The pages served, each at `/<name>` from `<dist>/<name>/`. */
export const CONSOLE_APPS = ['console', 'explorer'] as const;

export interface ConsoleOptions {
  /** Default CONSOLE_DIST_DIR. */
  distDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Everything a page may load: its own origin only (scripts, styles, fonts, the /graphql and
 * CSV calls), inline styles (GraphiQL's editor sets them) and data: images and fonts. A CDN
 * reference would be refused by the browser, so "works offline" is enforced, not hoped for.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * The agents' console at /console and the GraphQL explorer at /explorer: static files from
 * console/dist (built by `npm run build:console`, which `npm start` and `npm test` run first).
 *
 * The files are public: they hold no data, and every API call they make carries the user's
 * token. The gateway's route table matches exact paths, so the files present at start-up get
 * one route each (plus `/console` and `/console/` for the page); a file added later needs a
 * restart, a missing one is the gateway's 404. Every file is still resolved against the app's
 * directory and refused if it would leave it, so a route can never serve anything else.
 *
 * Caching: names are stable (no content hashes), so every response says `no-cache` and carries
 * an ETag: the browser revalidates and gets a 304 while the build is unchanged.
 */
export function useConsole(options: ConsoleOptions = {}): GatewayPlugin {
  const dist = resolve(options.distDir ?? CONSOLE_DIST_DIR);
  const routes: GatewayRoute[] = [];
  for (const app of CONSOLE_APPS) {
    const appDir = join(dist, app);
    const serve = (file: string) => (req: IncomingMessage, res: ServerResponse) => serveStatic(req, res, appDir, file);
    if (!existsSync(join(appDir, 'index.html'))) {
      for (const path of [`/${app}`, `/${app}/`]) routes.push({ method: 'GET', path, handle: notBuilt });
      continue;
    }
    routes.push({ method: 'GET', path: `/${app}`, handle: serve('index.html') }, { method: 'GET', path: `/${app}/`, handle: serve('index.html') });
    for (const file of listFiles(appDir)) {
      routes.push({ method: 'GET', path: `/${app}/${file.split(sep).join('/')}`, handle: serve(file) });
    }
  }
  // Browsers (and bookmarks, and tabs of the JSON endpoints) ask the origin for /favicon.ico.
  const consoleDir = join(dist, 'console');
  if (existsSync(join(consoleDir, 'favicon.ico'))) {
    routes.push({ method: 'GET', path: '/favicon.ico', handle: (req, res) => serveStatic(req, res, consoleDir, 'favicon.ico') });
  }
  return { name: 'console', routes };
}

/**
 * The absolute path of `file` inside `root`, or undefined when it would resolve outside it
 * (`..`, an absolute path, a NUL byte).
 */
export function fileInside(root: string, file: string): string | undefined {
  if (file.includes('\0')) return undefined;
  const base = resolve(root);
  const target = resolve(base, file);
  const rel = relative(base, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return target;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, file: string): void {
  const path = fileInside(root, file);
  let stats;
  try {
    stats = path ? statSync(path) : undefined;
  } catch {
    stats = undefined;
  }
  if (!path || !stats?.isFile()) {
    sendText(res, 404, 'not found');
    return;
  }
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  res.setHeader('etag', etag);
  res.setHeader('last-modified', stats.mtime.toUTCString());
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  if (file.endsWith('.html')) {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-frame-options', 'DENY');
  }
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', contentTypeOf(file));
  res.setHeader('content-length', stats.size);
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function notBuilt(_req: IncomingMessage, res: ServerResponse): void {
  sendText(res, 503, 'The console is not built: run `npm run build:console` (npm start and npm test do it first), then restart the gateway.');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

function listFiles(dir: string, root: string = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, root);
    return entry.isFile() ? [relative(root, full)] : [];
  });
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createGatewayHttpServer } from '../httpServer';
import { contentTypeOf, fileInside, useConsole } from './useConsole';

/** GET a raw path (no URL normalisation, so `..` reaches the server as sent). */
function get(server: Server, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolveGet, rejectGet) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', rejectGet);
    req.end();
  });
}

async function serve(distDir: string): Promise<Server> {
  const server = createGatewayHttpServer({
    routes: useConsole({ distDir }).routes ?? [],
    graphql: async (_req, res) => void res.end(),
    log: pino({ level: 'silent' }),
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

describe('useConsole', () => {
  let dist: string;
  let server: Server;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
    mkdirSync(join(dist, 'console', 'nested'), { recursive: true });
    writeFileSync(join(dist, 'console', 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dist, 'console', 'app.js'), 'console.log(1)');
    writeFileSync(join(dist, 'console', 'nested', 'logo.svg'), '<svg/>');
    writeFileSync(join(dist, 'console', 'favicon.ico'), 'ICO');
    writeFileSync(join(dist, 'secret.txt'), 'outside the app directory');
    server = await serve(dist);
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the page at /console and /console/, with a CSP that allows only its own origin', async () => {
    for (const path of ['/console', '/console/']) {
      const page = await get(server, path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<title>console</title>');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    }
  });

  it('serves assets with their content type and revalidation headers, and 304 when unchanged', async () => {
    const script = await get(server, '/console/app.js');
    expect(script).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('no-cache');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(server, '/console/nested/logo.svg')).headers['content-type']).toBe('image/svg+xml');

    const again = await get(server, '/console/app.js', { 'if-none-match': String(script.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers 404 for missing files and for paths that try to leave the directory', async () => {
    for (const path of ['/console/missing.js', '/console/../secret.txt', '/console/..%2fsecret.txt', '/console/%2e%2e/secret.txt', '/console//etc/passwd']) {
      const answer = await get(server, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('outside the app directory');
    }
  });

  it("serves the console's icon at the origin's /favicon.ico, where browsers look for it", async () => {
    const icon = await get(server, '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    expect(icon.body).toBe('ICO');
  });

  it('says how to build when the app is not built', async () => {
    const answer = await get(server, '/explorer');
    expect(answer.status).toBe(503);
    expect(answer.body).toContain('npm run build:console');
  });
});

describe('fileInside', () => {
  it('keeps files inside the root and refuses the rest', () => {
    expect(fileInside('/srv/app', 'index.html')).toBe('/srv/app/index.html');
    expect(fileInside('/srv/app', 'a/../b.js')).toBe('/srv/app/b.js');
    expect(fileInside('/srv/app', '..foo.js')).toBe('/srv/app/..foo.js');
    for (const bad of ['../secret', 'a/../../secret', '/etc/passwd', '', '.', 'a\0.js']) expect(fileInside('/srv/app', bad)).toBeUndefined();
  });

  it('names content types by extension', () => {
    expect(contentTypeOf('app.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('blob.bin')).toBe('application/octet-stream');
  });
});

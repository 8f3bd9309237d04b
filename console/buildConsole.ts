/**
 * `npm run build:console`: bundles the agents' console (console/src) and the GraphQL explorer
 * (console/explorer, GraphiQL from npm) into console/dist, which the gateway serves at /console
 * and /explorer (gateway/plugins/useConsole.ts). Runs before `npm test` and `npm start`
 * (pretest/prestart), so it must stay fast: one esbuild call, no type check (tsc does that).
 *
 * Everything the pages load comes from this bundle: the build fails if an HTML page or a
 * stylesheet would fetch anything from another origin (a CDN, a web font), because the
 * console must work on a bank's closed network.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { externalReferences } from './externalReferences';

const HERE = __dirname;
export const CONSOLE_DIST = join(HERE, 'dist');

/** The pages: entry script and HTML template, served under /<name>. */
const PAGES = [
  { name: 'console', entry: join(HERE, 'src', 'main.ts'), html: join(HERE, 'src', 'index.html') },
  { name: 'explorer', entry: join(HERE, 'explorer', 'main.ts'), html: join(HERE, 'explorer', 'index.html') },
] as const;

export async function buildConsole(outdir: string = CONSOLE_DIST): Promise<string[]> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(PAGES.map((p) => [`${p.name}/app`, p.entry])),
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    // React picks its production build from this; nothing else in the bundle reads the env.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images referenced from CSS end up inside the bundle, never fetched from elsewhere.
    loader: { '.graphql': 'text', '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const page of PAGES) {
    mkdirSync(join(outdir, page.name), { recursive: true });
    copyFileSync(page.html, join(outdir, page.name, 'index.html'));
  }

  const files = listFiles(outdir);
  const offending = files.flatMap((file) =>
    externalReferences(readFileSync(join(outdir, file), 'utf8'), file).map((url) => `${file}: ${url}`),
  );
  if (offending.length > 0) {
    throw new Error(`the console must load nothing from other origins, found:\n  ${offending.join('\n  ')}`);
  }
  return files;
}

function listFiles(dir: string, root: string = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, root) : [relative(root, full)];
  });
}

if (require.main === module) {
  const started = Date.now();
  buildConsole().then(
    (files) => console.log(`console built: ${files.length} files in console/dist (${Date.now() - started} ms)`),
    (error: Error) => {
      console.error(`console build failed: ${error.message}`);
      process.exit(1);
    },
  );
}

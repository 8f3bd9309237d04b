/**
 * `npm run build:console`: bundles the agents' console (console/src) and the GraphQL explorer
 * (console/explorer, GraphiQL from npm) into console/dist, which the gateway serves at /console
 * and /explorer (gateway/plugins/useConsole.ts). `npm start` and the browser test run it first,
 * so it must stay fast: one esbuild call, no type check (tsc does that), and nothing at all when
 * the last build's inputs are unchanged (buildFingerprint.ts).
 *
 * Everything the pages load comes from this bundle: the build fails if an HTML page or a
 * stylesheet would fetch anything from another origin (a CDN, a web font), because the
 * console must work on a bank's closed network.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { FINGERPRINT_FILE, fingerprintOf, isUpToDate, writeFingerprint } from './buildFingerprint';
import { externalReferences } from './externalReferences';

const HERE = __dirname;
const ROOT = join(HERE, '..');
export const CONSOLE_DIST = join(HERE, 'dist');

/** The pages: entry script and HTML template, served under /<name>. */
const PAGES = [
  { name: 'console', entry: join(HERE, 'src', 'main.ts'), html: join(HERE, 'src', 'index.html') },
  { name: 'explorer', entry: join(HERE, 'explorer', 'main.ts'), html: join(HERE, 'explorer', 'index.html') },
] as const;

/** The icon: SVG for the pages' `<link rel="icon">`, ICO for /favicon.ico (the gateway serves it there). */
const FAVICONS = [join(HERE, 'src', 'favicon.svg'), join(HERE, 'src', 'favicon.ico')] as const;

/** What the build reads besides the bundled sources: the lockfile stands for every dependency. */
const BUILD_INPUTS = [__filename, join(HERE, 'buildFingerprint.ts'), join(HERE, 'externalReferences.ts'), join(ROOT, 'package-lock.json'), ...PAGES.map((p) => p.html), ...FAVICONS];

export interface BuildResult {
  /** False when the output was already up to date and nothing was written. */
  built: boolean;
  files: string[];
}

export async function buildConsole(outdir: string = CONSOLE_DIST, options: { force?: boolean } = {}): Promise<BuildResult> {
  if (!options.force && isUpToDate(outdir, ROOT)) return { built: false, files: listFiles(outdir) };
  // Built beside the target and swapped in whole: a gateway serving the old build, or another
  // build running at the same time (npm start and the browser test), never reads a half-written
  // one (at worst, for the instant of the swap, none).
  const staging = `${outdir}.building-${process.pid}-${Date.now().toString(36)}`;
  try {
    const files = await buildInto(staging);
    publish(staging, outdir);
    return { built: true, files };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function buildInto(outdir: string): Promise<string[]> {
  const result = await build({
    entryPoints: Object.fromEntries(PAGES.map((p) => [`${p.name}/app`, p.entry])),
    outdir,
    absWorkingDir: ROOT,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    metafile: true,
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
  for (const icon of FAVICONS) copyFileSync(icon, join(outdir, 'console', relative(join(HERE, 'src'), icon)));

  const files = listFiles(outdir);
  const offending = files.flatMap((file) =>
    externalReferences(readFileSync(join(outdir, file), 'utf8'), file).map((url) => `${file}: ${url}`),
  );
  if (offending.length > 0) {
    throw new Error(`the console must load nothing from other origins, found:\n  ${offending.join('\n  ')}`);
  }
  // Written last: an interrupted or refused build leaves no fingerprint, so the next run builds again.
  const bundled = Object.keys(result.metafile.inputs).filter((input) => !input.split('/').includes('node_modules'));
  writeFingerprint(outdir, fingerprintOf(ROOT, [...bundled, ...BUILD_INPUTS.map((file) => relative(ROOT, file))]));
  return files;
}

/** Replaces `outdir` with `staging`; when another build published meanwhile, its output (from the same inputs) stays. */
function publish(staging: string, outdir: string): void {
  const previous = `${staging}.previous`;
  try {
    renameSync(outdir, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    renameSync(staging, outdir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  } finally {
    rmSync(previous, { recursive: true, force: true });
  }
}

function listFiles(dir: string, root: string = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === FINGERPRINT_FILE) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, root) : [relative(root, full)];
  });
}

if (require.main === module) {
  // Loaded only when run as a command: the tests import buildConsole without a command line.
  const { Command } = require('commander') as typeof import('commander');
  const { force } = new Command('npm run build:console --')
    .description('Bundle the console and the explorer into console/dist (skipped when nothing they are built from changed).')
    .option('--force', 'build even when console/dist is up to date')
    .showHelpAfterError()
    .parse()
    .opts<{ force?: boolean }>();
  const started = Date.now();
  buildConsole(CONSOLE_DIST, { force }).then(
    ({ built, files }) =>
      console.log(built ? `console built: ${files.length} files in console/dist (${Date.now() - started} ms)` : 'console is up to date (console/dist): nothing to build'),
    (error: Error) => {
      console.error(`console build failed: ${error.message}`);
      process.exit(1);
    },
  );
}

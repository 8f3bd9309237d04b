// Mutation testing (StrykerJS) over the domain and policy code: `npm run test:mutation`.
// TESTING.md explains the run, the scores per folder and the survivors judged equivalent.
//
// One folder at a time: `npm run test:mutation -- --mutate 'gateway/auth/**'`. Stryker runs
// the unit tests of the folders being mutated (the table below), never the end-to-end suite:
// those start whole stacks and would take hours over thousands of mutants.

/** The adapters' folders whose codecs and mappings are measured. */
const ADAPTER_SYSTEMS = ['call-center', 'cards', 'core-banking', 'erp'];

/**
 * The measured folders: what is mutated, and the unit tests that judge it. Tests outside the
 * folder are listed where they are the ones that exercise its code (the field policy is
 * enforced by the gateway's plugins).
 */
const FOLDERS = [
  {
    name: 'field policy and operation authorization',
    slug: 'field-policy',
    mutate: ['gateway/auth/fieldPolicy.ts', 'gateway/auth/operationAuthorization.ts'],
    // The unit tests of the decisions (the plugins' tests start gateways: minutes per mutant).
    tests: ['gateway/auth/fieldPolicy.test.ts', 'gateway/auth/operationAuthorization.test.ts', 'gateway/auth/operationAuthorization.edges.test.ts', 'gateway/auth/forbiddenFieldNulling.test.ts', 'gateway/auth/customerScope.test.ts'],
  },
  { name: 'insights domain', slug: 'insights-domain', mutate: ['subgraphs/insights/domain/**/*.ts'], tests: ['subgraphs/insights/domain/**/*.test.ts'] },
  {
    name: 'identity domain',
    slug: 'identity-domain',
    mutate: ['subgraphs/identity/domain/**/*.ts'],
    // The folder's unit tests but six. The evaluation and training CLIs' tests write a generated
    // dataset and match it end to end (FEBRL 1 alone takes 9 s); the detachString test measures
    // garbage collection in child processes, which never see Stryker's active mutant. trickyCases,
    // incrementalResolution and reviewQueue resolve their populations at load time or in beforeAll,
    // outside any test: Stryker then counts every matcher mutant as static and runs every test for
    // each (975 of the first 1,183 mutants, about two hours a file group on the shared machine).
    // Leaving them out can only lower the score; the rules' own tests judge the rules.
    // Several of the remaining files still build their records at describe level (blocking,
    // expectationMaximisation, trainModel, explainPair), so the normalisation and comparison code
    // is static too: measure a group of files against the tests that exercise it with
    // IDENTITY_MUTATION_TESTS='<glob>,<glob>' (fewer tests can only lower the score).
    tests: process.env.IDENTITY_MUTATION_TESTS?.split(',') ?? ['subgraphs/identity/domain/!(matchEvalCli|matchTrainCli|detachString|trickyCases|incrementalResolution|reviewQueue).test.ts'],
  },
  { name: 'survivorship', slug: 'survivorship', mutate: ['subgraphs/profile/domain/**/*.ts'], tests: ['subgraphs/profile/domain/**/*.test.ts'] },
  {
    name: "adapters' codecs and mappings",
    slug: 'adapter-codecs',
    // One glob per system, not `adapters/{call-center,...}/`: selectedFolders matches on the text
    // before the first `{` or `*`, and `adapters/` alone would take the resilience kit's run for this folder's.
    mutate: [...ADAPTER_SYSTEMS.map((dir) => `adapters/${dir}/**/*{Codec,Mapping,Ids,Reader,Decoder,Filter}.ts`), 'adapters/money.ts'],
    // The unit tests of the codecs and mappings, and the PAN masking proof. Not the adapters'
    // contract tests (`*Adapter.contract.test.ts`): each starts a simulator and waits out
    // breakers, stalls and Retry-After (about 20 s per file, seconds per mutant).
    tests: [...ADAPTER_SYSTEMS.map((dir) => `adapters/${dir}/**/!(*Adapter.contract).test.ts`), 'adapters/money.test.ts'],
  },
  { name: 'resilience kit', slug: 'resilience-kit', mutate: ['adapters/kit/**/*.ts'], tests: ['adapters/kit/**/*.test.ts'] },
];

/** Never mutated: tests, fixtures, CLIs (their output is checked by hand), type-only files. */
const NOT_MUTATED = ['!**/*.test.ts', '!**/*Fixtures.ts', '!**/testing/**', '!**/*Cli.ts', '!**/cliCommand.ts', '!**/*Types.ts', '!**/index.ts'];

/** The folders a `--mutate` on the command line touches (all of them without one). */
function selectedFolders() {
  const at = process.argv.findIndex((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='));
  if (at < 0) return FOLDERS;
  const value = process.argv[at].includes('=') ? process.argv[at].split('=')[1] : process.argv[at + 1] ?? '';
  const prefixes = value.split(',').map((glob) => glob.replace(/\*.*$/, '').replace(/\{.*$/, ''));
  const chosen = FOLDERS.filter((folder) => folder.mutate.some((glob) => prefixes.some((prefix) => glob.startsWith(prefix) || prefix.startsWith(glob.replace(/\*.*$/, '').replace(/\{.*$/, '')))));
  if (chosen.length === 0) throw new Error(`--mutate ${value} is in none of the measured folders of stryker.config.mjs`);
  return chosen;
}

const folders = selectedFolders();
/** One incremental file and one report per folder (or per set of folders run together). */
const run = folders.length === FOLDERS.length ? 'all' : folders.map((folder) => folder.slug).join('+');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // The TypeScript checker discards mutants that do not compile before any test runs. It costs
  // about four times the test run per mutant here (measured: 79 s of checker CPU against 17 s of
  // jest for the first 17 mutants of the field policy), so it is opt-in: `-- --checkers typescript`.
  // Without it a mutant that would not compile runs as JavaScript and is killed or survives on
  // what it does (ts-jest does not type-check Stryker's instrumented files).
  checkers: [],
  tsconfigFile: 'tsconfig.stryker.json',
  jest: {
    projectType: 'custom',
    config: {
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
      testMatch: folders.flatMap((folder) => folder.tests).map((glob) => `<rootDir>/${glob}`),
      testPathIgnorePatterns: ['/node_modules/', '/data/'],
      testTimeout: 60000,
    },
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  mutate: [...folders.flatMap((folder) => folder.mutate), ...NOT_MUTATED],
  // Incremental: mutants whose code and tests did not change keep their last result. One file per
  // folder, so folders measured separately (or at the same time) do not overwrite each other's.
  // The files are committed (reports/ is otherwise ignored): the next run, anyone's, starts from
  // the last measured one instead of from scratch (hours on this machine).
  incremental: true,
  incrementalFile: `reports/stryker-incremental/${run}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${run}.html` },
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
  // A shared 2-core machine: one test process, nice'd by the npm script.
  concurrency: 1,
  timeoutMS: 10000,
  // The first run of the tests (coverage per test) on a loaded machine at nice 19 takes minutes.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['data', 'coverage', 'test-artifacts', 'console/dist', 'console/dist.*', 'reports', 'bench/results'],
  thresholds: { high: 90, low: 80, break: null },
};

/**
 * `npm run audit:verify`: checks the audit trail's hash chain in the database (DATABASE_URL, or
 * the embedded database in data/pglite) and names the first broken link. Exit code 0: intact;
 * 1: broken (or an anchor does not match); 2: the check could not run.
 */
import { Command, InvalidArgumentError } from 'commander';
import { databaseOptionsFromEnv, openDatabase } from '../../db/database';
import { verifyAuditChain } from './postgresAuditStoreVerify';

interface Anchor {
  seq: number;
  hash: string;
}

function parseAnchor(value: string): Anchor {
  const match = /^(\d{1,18}):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected <seq>:<sha256 hex>, as printed by an earlier run');
  return { seq: Number(match[1]), hash: match[2] };
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('npm run audit:verify --')
    .description(
      'Verify the audit trail: every link follows the one before it, its hash matches its content, and its indexed columns agree with its event. ' +
        'Reads DATABASE_URL, or the embedded database (PGLITE_DIR, default data/pglite) when it is not set.',
    )
    .option('--anchor <seq:hash>', 'also require link <seq> to have this hash (a head noted earlier: catches a trail cut short at its end)', parseAnchor)
    .option('--json', 'print the result as JSON')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const options = program.opts<{ anchor?: Anchor; json?: boolean }>();
  const database = await openDatabase({ ...databaseOptionsFromEnv(), migrate: false });
  try {
    const report = await verifyAuditChain(database.db);
    let anchorProblem: string | null = null;
    if (options.anchor && !report.broken) {
      const row = await database.db.selectFrom('audit_trail').select('hash').where('seq', '=', options.anchor.seq).executeTakeFirst();
      if (!row) anchorProblem = `link ${options.anchor.seq} is missing (the trail was cut short)`;
      else if (row.hash !== options.anchor.hash) anchorProblem = `link ${options.anchor.seq} has another hash than the anchor`;
    }
    const intact = !report.broken && !anchorProblem;
    if (options.json) {
      console.log(JSON.stringify({ intact, checked: report.checked, broken: report.broken, anchorProblem, lastHash: report.lastHash }));
    } else if (report.broken) {
      console.log(`audit trail BROKEN at link ${report.broken.seq}: ${report.broken.problem}`);
      console.log(`(${report.checked - 1} links before it verified)`);
    } else if (anchorProblem) {
      console.log(`audit trail BROKEN: ${anchorProblem}`);
    } else {
      console.log(`audit trail intact: ${report.checked} links verified`);
      if (report.lastHash) console.log(`head ${report.checked}:${report.lastHash}  (keep it; --anchor checks it later)`);
    }
    return intact ? 0 : 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`audit:verify could not run: ${error.message}`);
    process.exit(2);
  },
);

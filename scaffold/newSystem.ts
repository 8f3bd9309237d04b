/**
 * `npm run new:system -- --name <name> --dialect rest`: scaffolds a new source system that
 * composes, type-checks and passes its contract tests before anyone writes a line
 * (adapters/README.md, "Steps for a fifth system", says what to fill in afterwards).
 */
import path from 'node:path';
import { Command } from 'commander';
import { generateSystem } from './generateSystem';
import { ScaffoldError, SUPPORTED_DIALECTS } from './scaffoldErrors';

const program = new Command('npm run new:system --')
  .description('Scaffold a new legacy source system: registry entry, adapter, simulator, subgraph, SDL, contract tests.')
  .requiredOption('--name <name>', 'the system name: kebab (loan-book), upper snake (LOAN_BOOK) or camel case (loanBook)')
  .requiredOption('--dialect <dialect>', `its wire dialect (supported: ${SUPPORTED_DIALECTS.join(', ')})`)
  .option('--description <text>', 'the description of its SourceSystem value in the SDLs')
  .showHelpAfterError()
  .parse();
const options = program.opts<{ name: string; dialect: string; description?: string }>();

try {
  const result = generateSystem({ root: path.join(__dirname, '..'), ...options });
  const { names, ports } = result.entry;
  console.log(`Scaffolded ${names.name} (${names.slug}): subgraph port ${ports.subgraph}, simulator port ${ports.simulator}.`);
  console.log(`created:\n${result.created.map((f) => `  ${f}`).join('\n')}`);
  console.log(`edited:\n${result.edited.map((f) => `  ${f}`).join('\n')}`);
  console.log(
    [
      'next:',
      '  npm run compose                      # writes supergraph.graphql, client.graphql and the resolver types',
      `                                       # (schema/generated/${names.slug}.ts) its resolvers are checked against`,
      `  npx jest adapters/${names.slug}       # its contract tests against its simulator`,
      '  then adapters/README.md, "Steps for a fifth system": what to fill in.',
    ].join('\n'),
  );
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(`new:system: ${error.message} (${error.code}); nothing was written.`);
  process.exit(2);
}

/**
 * What the match commands share: commander set up to return instead of exiting (so `main` can
 * be tested), and one mapping of errors to exit codes and messages that name files and lines only.
 */
import { Command, CommanderError } from 'commander';
import { DatasetFormatError, DatasetMissingError } from '../../../simulators/dataset/datasetErrors';
import { MatchInputError, MatchUsageError } from './matchErrors';

export function matchCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

/**
 * Parses argv; returns the options, or the exit code when commander already answered (--help: 0)
 * or refused the arguments (2, with its message on stderr).
 */
export function parseCommand<T>(command: Command, argv: readonly string[]): T | number {
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return command.opts<T & object>();
}

/** Runs a command body; typed input errors exit 2 with their (content-free) message, anything else 1 with its name only. */
export async function runCommand(name: string, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof MatchUsageError || error instanceof MatchInputError || error instanceof DatasetMissingError || error instanceof DatasetFormatError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`${name}: failed: ${(error as Error).name}\n`);
    return 1;
  }
}

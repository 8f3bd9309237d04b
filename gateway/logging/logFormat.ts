import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

/**
 * How logs are written: JSON lines for machines in production (one object per line, what log
 * shippers parse), human-readable lines in development. `LOG_FORMAT=json|pretty` overrides the
 * default either way. Redaction and the PII scrubber run before either format (safeLogger.ts).
 */
export type LogFormat = 'json' | 'pretty';

export class LogFormatError extends Error {
  override readonly name = 'LogFormatError';
}

export function logFormatFromEnv(env: NodeJS.ProcessEnv = process.env): LogFormat {
  const chosen = env.LOG_FORMAT?.trim().toLowerCase();
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  if (chosen) throw new LogFormatError(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  return env.NODE_ENV === 'production' ? 'json' : 'pretty';
}

/** Where a logger of `format` writes on this process's stdout: undefined is pino's own JSON stdout. */
export function stdoutDestination(format: LogFormat): DestinationStream | undefined {
  if (format === 'json') return undefined;
  // Synchronous, so the last lines before an exit are not lost; colours only on a terminal.
  return pretty({ sync: true, colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true });
}

import type { DestinationStream, Logger } from 'pino';
import { logFormatFromEnv, stdoutDestination } from './logging/logFormat';
import { createSafeLogger } from './logging/safeLogger';

/**
 * JSON logs for operators in production, readable lines in development (LOG_FORMAT,
 * gateway/logging/logFormat.ts); `destination` (tests) always gets JSON. Request bodies,
 * variables and headers are never passed to the logger (they carry customer data); the redact
 * list and the PII scrubber (gateway/logging/safeLogger.ts) are a second line of defence for
 * anything that slips in.
 */
export function createGatewayLogger(level = 'info', destination?: DestinationStream, env: NodeJS.ProcessEnv = process.env): Logger {
  return createSafeLogger({ name: 'gateway', level }, destination ?? stdoutDestination(logFormatFromEnv(env)));
}

/** The logger shape Apollo Server and ApolloGateway accept (@apollo/utils.logger). */
export interface ApolloLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** Apollo Server and ApolloGateway log plain strings; route them into pino with a component tag. */
export function toApolloLogger(log: Logger, component: string): ApolloLogger {
  const child = log.child({ component });
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args: unknown[]) => child.debug(text(args)),
    info: (...args: unknown[]) => child.info(text(args)),
    warn: (...args: unknown[]) => child.warn(text(args)),
    error: (...args: unknown[]) => child.error(text(args)),
  };
}

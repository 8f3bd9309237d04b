import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { scrubPii, scrubPiiDeep } from './piiScrubber';

/**
 * Log object paths that are never written, whatever their value: credentials, request
 * payloads (variables carry customer ids, search terms, contact details) and the names our
 * records give personal data, at the top level and one level down (`{ record: { email } }`).
 */
export const REDACT_PATHS: readonly string[] = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
  'token',
  '*.token',
  'variables',
  '*.variables',
  'body',
  '*.body',
  ...['email', 'emails', 'phone', 'phones', 'mobilePhone', 'nationalId', 'birthDate', 'address', 'pan'].flatMap((key) => [key, `*.${key}`]),
];

/**
 * pino options for every service log: JSON, the redact list above, and the PII scrubber over
 * the message and every string value (emails, phones, national ids, card numbers in free
 * text, e.g. an upstream error quoting a record).
 */
export function safeLoggerOptions(options: { name: string; level?: string }): LoggerOptions {
  return {
    name: options.name,
    level: options.level ?? 'info',
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubPii(arg) : arg)) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
    formatters: {
      log: (object) => scrubPiiDeep(object) as Record<string, unknown>,
    },
  };
}

/** A PII-safe JSON logger, to stdout or to `destination` (tests capture into a buffer). */
export function createSafeLogger(options: { name: string; level?: string }, destination?: DestinationStream): Logger {
  return destination ? pino(safeLoggerOptions(options), destination) : pino(safeLoggerOptions(options));
}

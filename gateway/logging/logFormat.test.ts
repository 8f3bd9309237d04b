import { Writable } from 'node:stream';
import pino from 'pino';
import pretty from 'pino-pretty';
import { LogFormatError, logFormatFromEnv } from './logFormat';

describe('the log format', () => {
  it.each([
    [{}, 'pretty'],
    [{ NODE_ENV: 'development' }, 'pretty'],
    [{ NODE_ENV: 'production' }, 'json'],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, 'pretty'],
    [{ LOG_FORMAT: 'json' }, 'json'],
    [{ LOG_FORMAT: ' JSON ' }, 'json'],
    [{ LOG_FORMAT: '' }, 'pretty'],
  ])('%j writes %s', (env, format) => {
    expect(logFormatFromEnv(env as NodeJS.ProcessEnv)).toBe(format);
  });

  it('refuses a format it does not know rather than guess', () => {
    expect(() => logFormatFromEnv({ LOG_FORMAT: 'xml' })).toThrow(LogFormatError);
  });

  it('writes a development line a person reads: time, level, message, fields; no JSON braces', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => void (lines.push(chunk.toString()), done()) });
    // The same options stdoutDestination uses, onto a capture stream instead of stdout.
    const log = pino({ name: 'gateway' }, pretty({ sync: true, colorize: false, ignore: 'pid,hostname', singleLine: true, destination: sink }));
    log.info({ url: 'http://127.0.0.1:4000/graphql' }, 'gateway listening');
    expect(lines.join('')).toMatch(/^\[[^\]]+\] INFO \(gateway\): gateway listening \{"url":"http:\/\/127\.0\.0\.1:4000\/graphql"\}\n$/);
  });
});

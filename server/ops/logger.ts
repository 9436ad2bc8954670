import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** [OPS1] The levels `LOG_LEVEL` takes; `silent` is for tests and tools that embed a server. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * [OPS1] Fields blanked wherever they appear in a log line, one or two levels down: a password, a session token
 * (or the cookie and header that carry it), an Open311 key. The command log never carries a payload, so this is
 * the net under an error object or a field someone adds later.
 */
const REDACTED = ['password', 'newPassword', 'token', 'sessionToken', 'cookie', 'authorization', 'api_key', 'apiKey', 'secret', 'sessionSecret'];
const REDACT_PATHS = REDACTED.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go: stdout unless a test captures them. */
  destination?: DestinationStream;
}

/**
 * [OPS1] The server's one logger: JSON lines (time as ISO 8601, level as its name, `msg`) for a collector to read,
 * on stdout written synchronously so that the last lines before an exit are not lost.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

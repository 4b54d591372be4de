import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Paths never written to logs: credentials anywhere in a request, and personal data that a
 * careless `log.info({ customer })` would otherwise leak.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-touchpoint-signature"]',
  'req.headers["x-touchpoint-claims"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-touchpoint-claims"]',
  '*.jwtSecret',
  '*.claimsSecret',
  '*.password',
  '*.secret',
  '*.token',
  '*.email',
  '*.phone',
  'databaseUrl',
  '*.databaseUrl',
];

export function createLogger(options: LoggerOptions & { name: string }): Logger {
  return pino({
    level: 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...options,
  });
}

/** A logger that writes nothing, for tests and libraries used without one. */
export const silentLogger: Logger = pino({ level: 'silent' });

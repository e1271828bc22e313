import pino, { type DestinationStream, type Logger } from 'pino';

/** Log levels accepted by `--log-level` and `LASTRO_LOG_LEVEL`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Creates the server's JSON logger. Authorization headers, tokens, passwords and secrets are
 * redacted in case a caller ever logs an object that contains them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'lastro-server' },
    redact: {
      paths: ['token', 'password', 'webhookSecret', 'authorization', '*.token', '*.password', '*.authorization'],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger } from 'pino';

// One JSON line per event. Only what operations needs goes in: request lines carry an id, the method,
// the path without its query string, the status and the duration — never a body, a cookie, an
// Authorization header or an email (see requestLog). Errors carry their type, message and stack.
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.LOG_LEVEL,
    base: { service: 'empreinte' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A second line of defence should a caller ever log a request object or a header bag.
    redact: { paths: ['req.headers', 'headers.cookie', 'headers.authorization', 'cookie', 'authorization', 'password', 'email'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

// Structured logs with PHI kept out: request bodies, query strings and auth
// headers are never logged, and known PHI-bearing keys are redacted wherever
// they appear in a logged object.
import pino, { type Logger } from 'pino';

export const REDACTED_KEYS = [
  'email',
  'firstName',
  'lastName',
  'name',
  'phone',
  'dateOfBirth',
  'answers',
  'body',
  'password',
  'newPassword',
  'code',
  'token',
  'secret',
  'signature',
  'authorization',
  'cookie',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  paths.push('req.headers.authorization', 'req.headers.cookie', 'req.headers["x-tcrm-client-token"]');
  return pino(
    {
      level,
      redact: { paths, censor: '[redacted]' },
      base: undefined,
    },
    destination,
  );
}

export type { Logger };

/**
 * Logging without secrets: cookies, Authorization and Set-Cookie headers are redacted, and
 * request URLs lose their query string (one-time tokens travel there).
 */
import type { FastifyServerOptions } from 'fastify';

export function safeLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const base = logger === true ? {} : (logger as object);

  return {
    ...base,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url.split('?')[0]?.replace(/\/reset-password\/[^/]+/, '/reset-password/[redacted]'),
        remoteAddress: req.ip,
      }),
    },
  };
}

import type { RequestHandler } from 'express';
import { AppError } from './errors.ts';

// Fixed one-minute windows per client key, held in memory: enough for one process behind a proxy.
export function rateLimitPerMinute(limit: number, keyOf: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  const windows = new Map<string, { startedAtMs: number; count: number }>();
  return (req, res, next) => {
    const nowMs = Date.now();
    const key = keyOf(req);
    let window = windows.get(key);
    if (!window || nowMs - window.startedAtMs >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      window = { startedAtMs: nowMs, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > limit) {
      res.setHeader('Retry-After', String(Math.ceil((window.startedAtMs + 60_000 - nowMs) / 1000)));
      return next(new AppError('rate_limit.exceeded', `Trop de requêtes : ${limit} par minute au plus.`, [], 429));
    }
    next();
  };
}

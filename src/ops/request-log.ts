import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from './logger.ts';

declare module 'express-serve-static-core' {
  interface Request {
    // Echoed in X-Request-Id and written on every log line about this request.
    requestId?: string;
  }
}

// A proxy's id is kept when it looks like one (no spaces or control characters, bounded): anything
// else could forge log lines or carry data, so a fresh UUID replaces it.
const ACCEPTED_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const MAX_PATH_CHARS = 256;

export function requestId(given: string | undefined): string {
  return given !== undefined && ACCEPTED_ID.test(given) ? given : randomUUID();
}

// The query string is dropped: it may hold search terms or a `next` URL a person typed. Path
// segments are ids and route names.
export function loggedPath(originalUrl: string): string {
  const path = originalUrl.split('?', 1)[0] ?? '/';
  return path.length > MAX_PATH_CHARS ? `${path.slice(0, MAX_PATH_CHARS)}…` : path;
}

// Mounted first: every request gets an id (header and log), even those refused by later middleware.
export function requestLog(logger: Logger | undefined): RequestHandler {
  return (req, res, next) => {
    const id = requestId(req.get('x-request-id'));
    req.requestId = id;
    res.setHeader('X-Request-Id', id);
    if (!logger) return next();
    const startedAt = process.hrtime.bigint();
    let logged = false;
    const log = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - startedAt) / 1e4) / 100;
      const line = { reqId: id, method: req.method, path: loggedPath(req.originalUrl), status: res.statusCode, durationMs, ...(aborted ? { aborted: true } : {}) };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    };
    res.once('finish', () => log(false));
    res.once('close', () => log(!res.writableFinished));
    next();
  };
}

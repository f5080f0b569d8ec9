import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError, isAppError } from './errors.ts';
import { parseOrThrow } from './validation.ts';

export type ErrorBody = { error: { code: string; message: string; details: Array<{ path: string; message: string }> } };

export function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, details: err.details } };
}

// body-parser reports its own failures with a `type`; they are the client's fault, never a 500.
function fromBodyParser(err: { type?: string; status?: number; message?: string }): AppError | null {
  switch (err.type) {
    case 'entity.too.large':
    case 'parameters.too.many': // a form with more than 1000 fields
      return new AppError('payload.too_large', 'Request body is too large', [{ path: '(body)', message: 'too large' }], 413);
    case 'entity.parse.failed':
      return new AppError('validation.malformed_json', 'Request body is not valid JSON', [{ path: '(body)', message: 'malformed JSON' }], 400);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('validation.unsupported_encoding', 'Unsupported body encoding', [{ path: '(body)', message: err.message ?? 'unsupported' }], 415);
    default:
      return null;
  }
}

export function toAppError(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  if (!err || typeof err !== 'object') return null;
  const known = 'type' in err ? fromBodyParser(err as { type?: string }) : null;
  if (known) return known;
  // Any other client error raised by http-errors (exposed, 4xx) — a body claiming gzip that is not, a
  // body shorter than its Content-Length — or by the router for a path segment that does not decode
  // (`%E0%A4%A`: a URIError given status 400). The client's fault, never a 500.
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  if ((expose === true || err instanceof URIError) && typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('validation.malformed_request', 'Malformed request', [{ path: '(request)', message: 'unreadable' }], status);
  }
  return null;
}

export function jsonErrorHandler(log: (err: unknown, req: Request) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    if (known) {
      res.status(known.status).json(errorBody(known));
      return;
    }
    log(err, req);
    res.status(500).json({ error: { code: 'internal.error', message: 'Internal error', details: [] } });
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('route.not_found', `No route ${req.method} ${req.path}`, [], 404));
};

export function body<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseOrThrow(schema, req.body ?? {}, 'request body');
}

export function query<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseOrThrow(schema, req.query, 'query');
}

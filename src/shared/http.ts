import { isDatabaseUnavailable } from './db-errors.ts';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AppError, describeError, isAppError, withStatus, type ErrorWording } from './errors.ts';
import { httpErrors, httpTexts } from './http.errors.ts';
import { DEFAULT_LANG, isLang, renderText, type Lang } from './i18n/index.ts';
import { parseOrThrow } from './validation.ts';

export type ErrorBody = { error: ErrorWording };

export function errorBody(err: AppError, lang: Lang = DEFAULT_LANG): ErrorBody {
  return { error: describeError(err, lang) };
}

// A stored answer (an idempotent replay) back into the error it was: worded when it was first given.
export const errorFromBody = (status: number, body: ErrorBody): AppError =>
  new AppError({ code: body.error.code, status, message: body.error.message, details: body.error.details });

// The page layer's choice (cookie, Accept-Language) when it ran; otherwise `?lang=`; French by default.
export function requestLang(req: Request, res: Response): Lang {
  if (isLang(res.locals.lang)) return res.locals.lang;
  return isLang(req.query?.lang) ? req.query.lang : DEFAULT_LANG;
}

// body-parser reports its own failures with a `type`; they are the client's fault, never a 500.
function fromBodyParser(err: { type?: string; status?: number; message?: string }): AppError | null {
  switch (err.type) {
    case 'entity.too.large':
    case 'parameters.too.many': // a form with more than 1000 fields
      return httpErrors.payloadTooLarge({}, [{ path: '(body)', message: 'too large' }]);
    case 'entity.parse.failed':
      return httpErrors.malformedJson({}, [{ path: '(body)', message: 'malformed JSON' }]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return httpErrors.unsupportedEncoding({}, [{ path: '(body)', message: err.message ?? 'unsupported' }]);
    default:
      return null;
  }
}

export function toAppError(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  if (!err || typeof err !== 'object') return null;
  // The database went away (PostgreSQL stopped, the network cut): the transaction was rolled back,
  // nothing was written, and the same request will work once it is back.
  if (isDatabaseUnavailable(err)) return httpErrors.databaseUnavailable();
  const known = 'type' in err ? fromBodyParser(err as { type?: string }) : null;
  if (known) return known;
  // Any other client error raised by http-errors (exposed, 4xx) — a body claiming gzip that is not, a
  // body shorter than its Content-Length — or by the router for a path segment that does not decode
  // (`%E0%A4%A`: a URIError given status 400). The client's fault, never a 500.
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  if ((expose === true || err instanceof URIError) && typeof status === 'number' && status >= 400 && status < 500) {
    return withStatus(httpErrors.malformedRequest({}, [{ path: '(request)', message: 'unreadable' }]), status);
  }
  return null;
}

export function jsonErrorHandler(log: (err: unknown, req: Request) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    if (known) {
      if (known.status >= 500) log(err, req);
      if (known.status === 503) res.setHeader('Retry-After', '5');
      res.status(known.status).json(errorBody(known, requestLang(req, res)));
      return;
    }
    log(err, req);
    res.status(500).json({ error: { code: 'internal.error', message: renderText(requestLang(req, res), httpTexts.internal()), details: [] } });
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(httpErrors.routeNotFound({ method: req.method, path: req.path }));
};

export function body<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseOrThrow(schema, req.body ?? {}, 'request body');
}

export function query<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  return parseOrThrow(schema, req.query, 'query');
}

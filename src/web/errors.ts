import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { httpErrors } from '../shared/http.errors.ts';
import { toAppError } from '../shared/http.ts';
import { DEFAULT_LANG, translator, type MessageKey } from '../shared/i18n/index.ts';
import { renderPage } from './render.ts';

// A browser page (not the JSON API, not a script with a token) gets HTML errors; everything else
// falls through to the JSON error handler.
export function isPageRequest(req: Request): boolean {
  return !req.path.startsWith('/api/') && req.path !== '/api' && !req.get('authorization') && req.accepts(['html', 'json']) === 'html';
}

export const pageNotFound: RequestHandler = (req, _res, next) => {
  next(isPageRequest(req) ? httpErrors.pageNotFound() : undefined);
};

function texts(status: number, code: string): { title: MessageKey; body: MessageKey } {
  if (status === 403) return { title: 'error.forbidden.title', body: code === 'csrf.forbidden' ? 'error.csrf.body' : 'error.forbidden.body' };
  if (status === 404) return { title: 'error.notFound.title', body: 'error.notFound.body' };
  if (status >= 500) return { title: 'error.internal.title', body: 'error.internal.body' };
  return { title: 'error.badRequest.title', body: 'error.badRequest.body' };
}

export function pageErrorHandler(log: (err: unknown, req: Request) => void): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!isPageRequest(req) || res.headersSent) return next(err);
    const known = toAppError(err);
    const status = known?.status ?? 500;
    if (status === 401) {
      const back = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/sign-in${back}`);
    }
    if (!known || status >= 500) log(err, req);
    const { title, body } = texts(status, known?.code ?? 'internal');
    const t = res.locals.t ?? translator(DEFAULT_LANG);
    res.status(status);
    renderPage(res, 'error', { title: t(title), body: t(body) });
  };
}

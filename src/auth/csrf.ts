import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.ts';
import { authErrors } from './auth.errors.ts';
import { cookieOptions, readCookie, setCookie } from '../web/cookies.ts';
import { constantTimeEqual, hmacToken, randomToken } from './auth.crypto.ts';

// Synchroniser tokens. With a session, the token is an HMAC of the session's own secret (rotated
// with the session). Without one (the sign-in form, or people signed in by the proxy header), the
// secret lives in its own HttpOnly cookie and the token is bound to who is signed in.
export const CSRF_COOKIE = 'empreinte_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');

function expectedToken(req: Request, res: Response, config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>): string | undefined {
  if (req.authSession) return hmacToken(req.authSession.csrfSecret, `session:${req.authSession.id}`);
  let secret = readCookie(req, CSRF_COOKIE);
  // A page shown to someone without a secret yet mints one, so that its forms can be posted back.
  if (!secret && SAFE_METHODS.has(req.method) && !isApi(req)) {
    secret = randomToken(32);
    setCookie(res, CSRF_COOKIE, secret, cookieOptions(req, config));
  }
  return secret ? hmacToken(secret, req.user ? `header:${req.user.id}` : 'anonymous') : undefined;
}

const refused = () =>
  authErrors.csrf({}, [{ path: CSRF_FIELD, message: 'missing or invalid' }]);

// Checked on every state-changing request that carries ambient credentials (cookie or proxy header)
// and on every form post. Not checked: Bearer-token calls (no ambient authority) and anonymous JSON
// API calls (nothing to forge). JSON calls send the token in `X-CSRF-Token`; forms in `_csrf`.
export function csrfProtection(config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>): RequestHandler {
  return (req, res, next) => {
    if (req.user?.via === 'token') return next();
    const expected = expectedToken(req, res, config);
    if (expected) res.locals.csrfToken = expected;
    if (SAFE_METHODS.has(req.method)) return next();
    if (isApi(req) && !req.user) return next();
    const body = req.body as Record<string, unknown> | undefined;
    const fromForm = !isApi(req) && typeof body?.[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined;
    const given = req.get(CSRF_HEADER) ?? fromForm;
    if (!expected || !given || !constantTimeEqual(given, expected)) return next(refused());
    // Handlers validate their form with strict schemas: the token is not one of their fields.
    if (body && CSRF_FIELD in body) delete body[CSRF_FIELD];
    next();
  };
}

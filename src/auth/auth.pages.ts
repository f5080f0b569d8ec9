import { Router, type Response } from 'express';
import type { Config } from '../config.ts';
import { clearCookie, cookieOptions, readCookie, setCookie } from '../web/cookies.ts';
import { setFlash } from '../web/flash.ts';
import { parseForm, type FieldErrors } from '../web/forms.ts';
import { renderPage } from '../web/render.ts';
import { safeNextPath } from './auth.models.ts';
import { signInFormSchema } from './auth.schemas.ts';
import { SESSION_COOKIE } from './auth.middleware.ts';
import { clientIp } from './auth.guards.ts';
import { signInLimiter, type SignInLimiter } from './sign-in-limiter.ts';
import { signIn, signOut } from './sessions.usecases.ts';
import type { AuthDeps } from './users.usecases.ts';

type PagesDeps = AuthDeps & { config: Config; limiter?: SignInLimiter };

function showSignIn(res: Response, status: number, values: { email: string }, errors: FieldErrors, next: string): void {
  res.status(status);
  renderPage(res, 'auth/sign-in', { title: res.locals.t('signIn.title'), values, errors, next });
}

// Wrong credentials answer 401 and rate limiting 429, each with the form shown again and the
// message next to the field; an incomplete form is a 400. Success redirects (303) with a new session.
export function signInPages(deps: PagesDeps): Router {
  const router = Router();
  const limiter = deps.limiter ?? signInLimiter(deps.clock);

  router.get('/sign-in', (req, res) => {
    const next = safeNextPath(req.query.next);
    if (req.user) return res.redirect(303, next);
    showSignIn(res, 200, { email: '' }, {}, next);
  });

  router.post('/sign-in', async (req, res) => {
    const t = res.locals.t;
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNextPath(raw.next);
    const email = typeof raw.email === 'string' ? raw.email.trim().slice(0, 254) : '';
    const form = parseForm(signInFormSchema, raw, t);
    if (!form.ok) {
      const errors: FieldErrors = {};
      if (form.errors.email) errors.email = t('signIn.error.emailRequired');
      if (form.errors.password) errors.password = t('signIn.error.passwordRequired');
      return showSignIn(res, 400, { email }, errors, next);
    }
    const result = await signIn({ ...deps, limiter }, { ...form.data, ip: clientIp(req), previousSessionToken: readCookie(req, SESSION_COOKIE) });
    if (result.kind === 'rate_limited') {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return showSignIn(res, 429, { email }, { password: t('signIn.error.rateLimited', { minutes }) }, next);
    }
    if (result.kind === 'invalid') return showSignIn(res, 401, { email }, { password: t('signIn.error.invalid') }, next);
    setCookie(res, SESSION_COOKIE, result.sessionToken, cookieOptions(req, deps.config));
    res.redirect(303, next);
  });

  router.post('/sign-out', async (req, res) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await signOut(deps, token, clientIp(req));
    clearCookie(res, SESSION_COOKIE, cookieOptions(req, deps.config));
    setFlash(res, 'signIn.signedOut', { kind: 'info' });
    res.redirect(303, '/sign-in');
  });

  return router;
}

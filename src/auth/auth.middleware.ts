import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { authErrors } from './auth.errors.ts';
import { readCookie } from '../web/cookies.ts';
import { userFromApiToken, userFromSession, userFromTrustedHeader } from './sessions.usecases.ts';
import type { AuthDeps } from './users.usecases.ts';

export const SESSION_COOKIE = 'empreinte_sid';

declare module 'express-serve-static-core' {
  interface Request {
    // Set when the person came with a live session cookie: CSRF tokens derive from its secret.
    authSession?: { id: string; csrfSecret: string };
  }
}

const invalidToken = () => authErrors.invalidToken();

// Sets req.user from, in order: a Bearer token (scripts), the trusted proxy header (when configured),
// the session cookie. A Bearer token that does not authenticate is a 401: a script must not silently
// run as nobody. Everyone else may stay anonymous; routes decide with requireUser / requireRole.
export function authenticate(deps: AuthDeps & { config: Pick<Config, 'EMPREINTE_TRUSTED_USER_HEADER'> }): RequestHandler {
  const trustedHeader = deps.config.EMPREINTE_TRUSTED_USER_HEADER?.trim() || undefined;
  return async (req, res, next) => {
    const authorization = req.get('authorization');
    if (authorization && /^bearer\s/i.test(authorization)) {
      const user = await userFromApiToken(deps, authorization.slice(7).trim());
      if (!user) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="empreinte", error="invalid_token"');
        return next(invalidToken());
      }
      req.user = user;
      return next();
    }
    // The proxy is authoritative when it speaks: an unknown person stays anonymous rather than
    // falling back to a session cookie that may belong to someone else on a shared computer.
    const remote = trustedHeader ? req.get(trustedHeader) : undefined;
    if (remote !== undefined) {
      const user = await userFromTrustedHeader(deps, remote);
      if (user) req.user = user;
      return next();
    }
    const sessionToken = readCookie(req, SESSION_COOKIE);
    const live = sessionToken ? await userFromSession(deps, sessionToken) : null;
    if (live) {
      req.user = live.user;
      req.authSession = { id: live.sessionId, csrfSecret: live.csrfSecret };
    }
    next();
  };
}

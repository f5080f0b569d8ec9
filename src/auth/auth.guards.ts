import type { Request, RequestHandler } from 'express';
import { authErrors } from './auth.errors.ts';
import { hasRole, type AuthenticatedUser, type Role } from './auth.types.ts';
import type { Actor } from './users.usecases.ts';

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.user) return next(authErrors.unauthenticated());
  next();
};

// admin passes every role check: an administrator can act as any role when needed.
export function requireRole(...wanted: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(authErrors.unauthenticated());
    if (!hasRole(req.user, ...wanted)) return next(authErrors.forbidden());
    next();
  };
}

export function currentUser(req: { user?: AuthenticatedUser }): AuthenticatedUser {
  if (!req.user) throw authErrors.unauthenticated();
  return req.user;
}

// The address a request came from, as the audit log records it (behind the trusted proxy: its client).
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

// Who acts, for the audit log: the signed-in person and their address.
export function actorOf(req: Request): Actor {
  return { actorId: currentUser(req).id, ip: clientIp(req) };
}

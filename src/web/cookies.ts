import type { CookieOptions, Request, Response } from 'express';
import type { Config } from '../config.ts';

// A few cookies only (session, CSRF, language, flash): parsing them here avoids a dependency.
const parsed = new WeakMap<Request, Map<string, string>>();

function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      continue; // a malformed cookie is ignored, never a 500
    }
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export function readCookie(req: Request, name: string): string | undefined {
  let cookies = parsed.get(req);
  if (!cookies) {
    cookies = parseCookieHeader(req.headers.cookie);
    parsed.set(req, cookies);
  }
  return cookies.get(name);
}

// Secure when the deployment says so, or when this very request came over TLS (directly or via a
// trusted proxy's X-Forwarded-Proto).
export function isSecureContext(req: Request, config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>): boolean {
  return config.EMPREINTE_SECURE_COOKIES || req.secure;
}

export function cookieOptions(req: Request, config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>, extra: CookieOptions = {}): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: isSecureContext(req, config), ...extra };
}

// For helpers that only hold the response: the `language` middleware leaves the setting in res.locals.
export function cookieOptionsFor(res: Response, extra: CookieOptions = {}): CookieOptions {
  return cookieOptions(res.req, { EMPREINTE_SECURE_COOKIES: res.locals.secureCookies === true }, extra);
}

export function setCookie(res: Response, name: string, value: string, options: CookieOptions): void {
  res.cookie(name, value, options);
}

export function clearCookie(res: Response, name: string, options: CookieOptions): void {
  const { maxAge: _maxAge, expires: _expires, ...rest } = options;
  res.clearCookie(name, rest);
}

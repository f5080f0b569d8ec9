import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { DEFAULT_LANG, isLang, languages, translator, type Lang } from '../shared/i18n/index.ts';
import { cookieOptions, readCookie, setCookie } from './cookies.ts';

export const LANG_COOKIE = 'empreinte_lang';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

// Sets res.locals.lang, res.locals.t (and res.locals.secureCookies for cookie helpers).
// `?lang=` wins and is remembered; then the remembered choice; then the browser's languages; French last.
export function language(config: Pick<Config, 'EMPREINTE_SECURE_COOKIES'>): RequestHandler {
  return (req, res, next) => {
    const asked = req.query.lang;
    let lang: Lang;
    if (isLang(asked)) {
      lang = asked;
      if (readCookie(req, LANG_COOKIE) !== asked) setCookie(res, LANG_COOKIE, asked, cookieOptions(req, config, { maxAge: ONE_YEAR_MS }));
    } else {
      const remembered = readCookie(req, LANG_COOKIE);
      const negotiated = req.acceptsLanguages(...languages);
      lang = isLang(remembered) ? remembered : isLang(negotiated) ? negotiated : DEFAULT_LANG;
    }
    res.locals.secureCookies = config.EMPREINTE_SECURE_COOKIES;
    res.locals.lang = lang;
    res.locals.t = translator(lang);
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    next();
  };
}

declare module 'express-serve-static-core' {
  interface Locals {
    lang: Lang;
    t: ReturnType<typeof translator>;
    csrfToken?: string;
    secureCookies?: boolean;
  }
}

import type { Request, Response } from 'express';
import { Eta } from 'eta';
import { resolve } from 'node:path';
import { projectRoot } from '../shared/db.ts';
import { DEFAULT_LANG, formatInstant, translator, type Lang, type Translate } from '../shared/i18n/index.ts';
import { consumeFlash } from './flash.ts';
import { navFor } from './nav.ts';

export const templatesFolder = resolve(projectRoot, 'templates');

// autoEscape: every `<%= %>` is HTML-escaped; `<%~ %>` (raw) is for trusted partials only.
const eta = new Eta({ views: templatesFolder, cache: true, autoEscape: true });

// What every template receives as `it`, besides the page's own data.
export type PageContext = {
  title: string;
  lang: Lang;
  otherLang: Lang;
  t: Translate;
  formatInstant: (iso: string) => string;
  user: Request['user'];
  csrfToken: string;
  flash: ReturnType<typeof consumeFlash>;
  nav: ReturnType<typeof navFor>;
  path: string;
  scripts: string[]; // file names under /assets, loaded with `defer`
};

export type PageData = { title: string; scripts?: string[] } & Record<string, unknown>;

export function pageContext(res: Response, data: PageData): PageContext & Record<string, unknown> {
  const req = res.req;
  const lang: Lang = res.locals.lang ?? DEFAULT_LANG;
  const t = res.locals.t ?? translator(lang);
  return {
    ...data,
    title: data.title,
    lang,
    otherLang: lang === 'fr' ? 'en' : 'fr',
    t,
    formatInstant: (iso: string) => formatInstant(iso, lang),
    user: req.user,
    csrfToken: res.locals.csrfToken ?? '',
    flash: consumeFlash(req, res, t),
    nav: navFor(req.user, req.path),
    path: req.path,
    scripts: data.scripts ?? [],
  };
}

// Renders `templates/<template>.eta` inside the shared layout. Set the status before calling.
export function renderPage(res: Response, template: string, data: PageData): void {
  const html = eta.render(template, pageContext(res, data));
  // Pages carry a per-person CSRF token and often personal data: never kept by any cache.
  res.setHeader('Cache-Control', 'no-store');
  res.type('html').send(html);
}

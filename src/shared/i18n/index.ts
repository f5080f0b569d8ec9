import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../clock.ts';
import { coreEn } from './en.ts';
import { coreFr, type CoreMessageKey } from './fr.ts';

// Each capability adds its keys to this interface (declaration merging, in its `*.i18n.ts`), so that
// `t('claims.page.title')` is checked by the compiler without src/shared importing the capability.
export interface FeatureMessages {}
export type MessageKey = CoreMessageKey | (keyof FeatureMessages & string);
export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];
export const DEFAULT_LANG: Lang = 'fr';

export type MessageParams = Record<string, string | number>;
// A text not yet rendered: errors carry one so that the edge words them in the reader's language.
export type TextRef = { key: string; params: TextParams };
export type TextParams = Record<string, string | number | TextRef | TextRef[]>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Lang, Record<string, string>> = { fr: { ...coreFr }, en: { ...coreEn } };

// A capability's texts, French and English with the same keys; a key registered twice with another
// text is a programming error (two capabilities claiming one key), refused at start.
export function registerMessages(messages: { fr: Record<string, string>; en: Record<string, string> }): void {
  const frKeys = Object.keys(messages.fr);
  const missing = frKeys.filter((k) => !Object.hasOwn(messages.en, k));
  if (missing.length || Object.keys(messages.en).length !== frKeys.length) throw new Error(`i18n: French and English keys differ (${missing.join(', ')})`);
  const clash = frKeys.find((k) => Object.hasOwn(catalogues.fr, k) && catalogues.fr[k] !== messages.fr[k]);
  if (clash) throw new Error(`i18n: ${clash} is registered twice`);
  Object.assign(catalogues.fr, messages.fr);
  Object.assign(catalogues.en, messages.en);
}

// The whole catalogue of a language as registered so far (tests compare the two).
export const catalogue = (lang: Lang): Readonly<Record<string, string>> => catalogues[lang];

// The command line speaks French, as the pages do, unless the POSIX locale asks for English (en_GB…):
// servers often run with C.UTF-8, which says nothing about the person at the console.
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANG;
}

export const isLang = (value: unknown): value is Lang => value === 'fr' || value === 'en';
export const isMessageKey = (value: unknown): value is MessageKey => typeof value === 'string' && Object.hasOwn(catalogues.fr, value);

// `{name}` placeholders; an unknown key shows itself, so a typo in a template is visible, not blank.
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[lang][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

const isTextRef = (value: unknown): value is TextRef => typeof value === 'object' && value !== null && 'key' in value;

// Parameters that are texts themselves are rendered in the same language; a list of texts is a
// list of sentences, one after the other.
export function renderText(lang: Lang | Translate, text: TextRef): string {
  const t: Translate = typeof lang === 'function' ? lang : translator(lang);
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(text.params)) {
    if (Array.isArray(value)) params[name] = value.map((v) => renderText(t, v)).join(' ');
    else params[name] = isTextRef(value) ? renderText(t, value) : value;
  }
  return t(text.key as MessageKey, params);
}

// "a, b or c" in the reader's language.
export function anyOf(items: readonly TextRef[]): TextRef {
  if (items.length <= 1) return items[0] ?? { key: 'list.empty', params: {} };
  const first = items.slice(0, -1).reduce((head, item) => ({ key: 'list.comma', params: { first: head, next: item } }));
  return { key: 'list.or', params: { first, last: items.at(-1)! } };
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

// Instants are stored in UTC and shown in Paris time, in the reader's language.
export function formatInstant(iso: string, lang: Lang): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(PARIS_ZONE).setLocale(lang === 'fr' ? 'fr-FR' : 'en-GB').toFormat('d LLL yyyy, HH:mm');
}

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

export const isLang = (value: unknown): value is Lang => value === 'fr' || value === 'en';
export const isMessageKey = (value: unknown): value is MessageKey => typeof value === 'string' && Object.hasOwn(catalogues.fr, value);

// `{name}` placeholders; an unknown key shows itself, so a typo in a template is visible, not blank.
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[lang][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

// Instants are stored in UTC and shown in Paris time, in the reader's language.
export function formatInstant(iso: string, lang: Lang): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(PARIS_ZONE).setLocale(lang === 'fr' ? 'fr-FR' : 'en-GB').toFormat('d LLL yyyy, HH:mm');
}

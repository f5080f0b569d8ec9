import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../clock.ts';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type { MessageKey } from './fr.ts';
export const languages = ['fr', 'en'] as const;
export type Lang = (typeof languages)[number];
export const DEFAULT_LANG: Lang = 'fr';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export const isLang = (value: unknown): value is Lang => value === 'fr' || value === 'en';
export const isMessageKey = (value: unknown): value is MessageKey => typeof value === 'string' && Object.hasOwn(fr, value);

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

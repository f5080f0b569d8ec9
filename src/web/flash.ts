import type { Request, Response } from 'express';
import { isMessageKey, type MessageKey, type MessageParams, type Translate } from '../shared/i18n/index.ts';
import { clearCookie, cookieOptionsFor, readCookie, setCookie } from './cookies.ts';

// A one-shot message carried across a redirect (post/redirect/get). Only a catalogue key and its
// parameters travel in the cookie: a forged cookie can at worst show another catalogue message.
export const FLASH_COOKIE = 'empreinte_flash';
export type FlashKind = 'success' | 'info' | 'error';
export type Flash = { kind: FlashKind; message: string };

type Stored = { key: MessageKey; params?: MessageParams; kind: FlashKind };

export function setFlash(res: Response, key: MessageKey, options: { params?: MessageParams; kind?: FlashKind } = {}): void {
  const stored: Stored = { key, kind: options.kind ?? 'success', ...(options.params ? { params: options.params } : {}) };
  setCookie(res, FLASH_COOKIE, Buffer.from(JSON.stringify(stored)).toString('base64url'), cookieOptionsFor(res, { maxAge: 60_000 }));
}

function decode(raw: string): Stored | null {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Stored>;
    if (!isMessageKey(value.key)) return null;
    const kind: FlashKind = value.kind === 'error' || value.kind === 'info' ? value.kind : 'success';
    const params = value.params && typeof value.params === 'object' ? value.params : undefined;
    return { key: value.key, kind, ...(params ? { params } : {}) };
  } catch {
    return null;
  }
}

export function consumeFlash(req: Request, res: Response, t: Translate): Flash | null {
  const raw = readCookie(req, FLASH_COOKIE);
  if (!raw) return null;
  clearCookie(res, FLASH_COOKIE, cookieOptionsFor(res));
  const stored = decode(raw);
  return stored ? { kind: stored.kind, message: t(stored.key, stored.params) } : null;
}

import { DEFAULT_LANG, registerMessages, renderText, type Lang, type TextParams, type TextRef, type Translate } from './i18n/index.ts';

// Expected failures: a stable code, an explicit HTTP status, and a text from the catalogues so that a
// person reads it in their language. Each capability declares its own in `*.errors.ts`, from the
// table in `*.errors.json` beside it; `message` (for logs and developers) is the English wording.
export type ErrorDetail = { path: string; message: string; text?: TextRef; [extra: string]: unknown };
export type { TextRef, TextParams } from './i18n/index.ts';

type AppErrorInit = { code: string; status: number; text?: TextRef; message?: string; details?: ErrorDetail[] };

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly text: TextRef | null;

  constructor(init: AppErrorInit) {
    super(init.text ? renderText('en', init.text) : (init.message ?? init.code));
    this.name = 'AppError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? [];
    this.text = init.text ?? null;
  }
}

// The same error answered with another status (a client error whose status the HTTP library chose).
export const withStatus = (err: AppError, status: number): AppError =>
  new AppError({ code: err.code, status, text: err.text ?? undefined, message: err.message, details: err.details });

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

// A broken invariant of the code itself (a zero denominator, an impossible state): not the client's
// fault, so it is never an AppError. The HTTP layer logs it and answers 500 `internal.error`.
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

type Wording = { fr: string; en: string };
type ErrorSpec = Wording & { code: string; status: number };
export type ErrorFactory = (params?: TextParams, details?: ErrorDetail[]) => AppError;
export type TextFactory = (params?: TextParams) => TextRef;

function register(prefix: string, wordings: Record<string, Wording>): (name: string) => string {
  const keyOf = (name: string) => `${prefix}.${name}`;
  const fr: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const [name, wording] of Object.entries(wordings)) {
    fr[keyOf(name)] = wording.fr;
    en[keyOf(name)] = wording.en;
  }
  registerMessages({ fr, en });
  return keyOf;
}

// `declareErrors('mission', { notFound: { code: 'mission.not_found', status: 404, fr, en } })` gives
// `errors.notFound(params?, details?)`; the wordings become catalogue entries `error.mission.notFound`.
export function declareErrors<const T extends Record<string, ErrorSpec>>(capability: string, specs: T): { [K in keyof T]: ErrorFactory } {
  const keyOf = register(`error.${capability}`, specs);
  const factories = {} as Record<string, ErrorFactory>;
  for (const [name, spec] of Object.entries(specs)) {
    factories[name] = (params = {}, details = []) => new AppError({ code: spec.code, status: spec.status, text: { key: keyOf(name), params }, details });
  }
  return factories as { [K in keyof T]: ErrorFactory };
}

// Wordings used inside errors (a detail's message, a state named in a sentence).
export function declareTexts<const T extends Record<string, Wording>>(scope: string, wordings: T): { [K in keyof T]: TextFactory } {
  const keyOf = register(`text.${scope}`, wordings);
  const factories = {} as Record<string, TextFactory>;
  for (const name of Object.keys(wordings)) factories[name] = (params = {}) => ({ key: keyOf(name), params });
  return factories as { [K in keyof T]: TextFactory };
}

// A detail worded for people: `message` stays English, `text` is rendered in the reader's language.
export const detail = (path: string, text: TextRef, extra: Record<string, unknown> = {}): ErrorDetail => ({ path, message: renderText('en', text), text, ...extra });

// An error whose message is the reason given on one field (a factory worded '{reason}').
export const onField = (factory: ErrorFactory, path: string, reason: TextRef, extra: Record<string, unknown> = {}): AppError =>
  factory({ reason }, [detail(path, reason, extra)]);

// A text worded elsewhere (a policy flag's message, already in the reader's language): shown as is.
export const verbatim = (text: string): TextRef => ({ key: 'text.verbatim', params: { text } });
registerMessages({ fr: { 'text.verbatim': '{text}' }, en: { 'text.verbatim': '{text}' } });

export type ErrorWording = { code: string; message: string; details: Array<{ path: string; message: string; [extra: string]: unknown }> };

// One line for a console: the message, then each field and what is wrong with it.
export function errorLine(err: AppError, lang: Lang | Translate = DEFAULT_LANG): string {
  const { message, details } = describeError(err, lang);
  return details.length ? `${message} (${details.map((d) => `${d.path}: ${d.message}`).join('; ')})` : message;
}

// The error as a person reads it: the message and each detail in their language (or a page's `t`).
export function describeError(err: AppError, lang: Lang | Translate = DEFAULT_LANG): ErrorWording {
  const details = err.details.map(({ text, ...rest }) => (text ? { ...rest, message: renderText(lang, text) } : rest));
  return { code: err.code, message: errorMessage(err, lang), details };
}

const validationErrors = declareErrors('validation', {
  invalid: { code: 'validation.invalid', status: 400, fr: 'Saisie invalide : {fields}', en: 'Invalid {what}: {fields}' },
});

// A field refused by a rule of the code rather than by a schema: the text says what is expected.
export const invalid = (path: string, text: TextRef): AppError => new AppError({ code: 'validation.invalid', status: 400, text, details: [detail(path, text)] });

export const invalidInput = (what: string, details: ErrorDetail[]): AppError =>
  validationErrors.invalid({ what, fields: details.slice(0, 3).map((d) => d.path).join(', ') }, details);

export const detailMessage = (d: ErrorDetail, lang: Lang | Translate = DEFAULT_LANG): string => (d.text ? renderText(lang, d.text) : d.message);

export const errorMessage = (err: AppError, lang: Lang | Translate = DEFAULT_LANG): string => (err.text ? renderText(lang, err.text) : err.message);

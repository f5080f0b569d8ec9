// Expected failures carry a stable code; the HTTP status is derived from the code's family so that
// every layer can throw without knowing about HTTP.
export type ErrorDetail = { path: string; message: string; [extra: string]: unknown };

const statusBySuffix: Array<[RegExp, number]> = [
  [/^validation\./, 400],
  [/^place\.(unknown|ambiguous)$/, 400],
  [/\.invalid$|\.unsupported$|\.bad_request$/, 400],
  [/^auth\.unauthenticated$/, 401],
  [/^auth\.forbidden$|\.forbidden$/, 403],
  [/\.not_found$/, 404],
  [/\.conflict$|\.invalid_transition$|\.already_exists$|\.insufficient_funds$|^idempotency\./, 409],
  [/^payload\.too_large$/, 413],
  [/^rate_limit\./, 429],
];

export function statusForCode(code: string): number {
  for (const [pattern, status] of statusBySuffix) if (pattern.test(code)) return status;
  return 400;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: string, message: string, details: ErrorDetail[] = [], status?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.status = status ?? statusForCode(code);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export function invalid(path: string, message: string): AppError {
  return new AppError('validation.invalid', message, [{ path, message }]);
}

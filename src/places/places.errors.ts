import { declareErrors, declareTexts, detail, type AppError, type ErrorDetail, type TextRef } from '../shared/errors.ts';
import declared from './places.errors.json' with { type: 'json' };

const placeTexts = declareTexts('place', declared.placeTexts);
export { placeTexts };

const placeErrors = declareErrors('place', declared.placeErrors);

const withDetail = (factory: typeof placeErrors.unknown, path: string, text: TextRef, extra: Partial<ErrorDetail> = {}): AppError =>
  factory({ text }, [detail(path, text, extra)]);

export type UnknownReason = TextRef | null;

export const unknownPlaceError = (text: string, path: string, reason: UnknownReason): AppError =>
  withDetail(placeErrors.unknown, path, placeTexts.unknown({ text, reason: reason ?? '' }));

export const ambiguousPlaceError = (text: string, path: string, count: number, candidates: unknown[]): AppError =>
  withDetail(placeErrors.ambiguous, path, placeTexts.ambiguous({ text, count }), { candidates });

import { declareErrors, declareTexts, onField, type AppError, type TextRef } from '../shared/errors.ts';
import declared from './places.errors.json' with { type: 'json' };

export const placeTexts = declareTexts('place', declared.placeTexts);

const placeErrors = declareErrors('place', declared.placeErrors);

export type UnknownReason = TextRef | null;

export const unknownPlaceError = (text: string, path: string, reason: UnknownReason): AppError =>
  onField(placeErrors.unknown, path, placeTexts.unknown({ text, reason: reason ?? '' }));

export const ambiguousPlaceError = (text: string, path: string, count: number, candidates: unknown[]): AppError =>
  onField(placeErrors.ambiguous, path, placeTexts.ambiguous({ text, count }), { candidates });

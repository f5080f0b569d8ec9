import { declareErrors, declareTexts } from './errors.ts';
import declared from './http.errors.json' with { type: 'json' };

// Failures of the HTTP layer itself, before any capability sees the request.
export const httpErrors = declareErrors('http', declared.httpErrors);

export const httpTexts = declareTexts('http', declared.httpTexts);

import { declareErrors, declareTexts } from '../shared/errors.ts';
import declared from './footprint.errors.json' with { type: 'json' };

// Why a leg cannot be measured, worded for the person who described it (the path names the field).
export const legTexts = declareTexts('footprint', declared.legTexts);

export const factorErrors = declareErrors('factors', declared.factorErrors);

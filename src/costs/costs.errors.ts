import { declareErrors, declareTexts } from '../shared/errors.ts';
import declared from './costs.errors.json' with { type: 'json' };

// Why a cost input is refused, worded for the person who typed it (the path names the field).
export const costTexts = declareTexts('costs', declared.costTexts);

export const costErrors = declareErrors('costs', declared.costErrors);

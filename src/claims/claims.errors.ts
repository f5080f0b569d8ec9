import { declareErrors, declareTexts } from '../shared/errors.ts';
import declared from './claims.errors.json' with { type: 'json' };

// A claim's state as a sentence names it ("cet état de frais est soumis").
export const claimStateTexts = declareTexts('claim.state', declared.claimStateTexts);

export const claimTexts = declareTexts('claim', declared.claimTexts);

export const claimErrors = declareErrors('claim', declared.claimErrors);

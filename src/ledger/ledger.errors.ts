import { declareErrors, declareTexts } from '../shared/errors.ts';
import declared from './ledger.errors.json' with { type: 'json' };

export const ledgerTexts = declareTexts('ledger', declared.ledgerTexts);

export const ledgerErrors = declareErrors('ledger', declared.ledgerErrors);

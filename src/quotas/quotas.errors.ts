import { declareErrors } from '../shared/errors.ts';
import declared from './quotas.errors.json' with { type: 'json' };

export const quotaErrors = declareErrors('quotas', declared.quotaErrors);

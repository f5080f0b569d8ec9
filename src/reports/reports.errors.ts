import { declareErrors } from '../shared/errors.ts';
import declared from './reports.errors.json' with { type: 'json' };

export const importErrors = declareErrors('import', declared.importErrors);

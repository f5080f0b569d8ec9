import { declareErrors } from '../shared/errors.ts';
import declared from './ops.errors.json' with { type: 'json' };

export const backupErrors = declareErrors('backup', declared.backupErrors);

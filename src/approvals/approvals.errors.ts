import { declareErrors } from '../shared/errors.ts';
import declared from './approvals.errors.json' with { type: 'json' };

export const approvalErrors = declareErrors('approvals', declared.approvalErrors);

import { declareErrors } from '../shared/errors.ts';
import declared from './org.errors.json' with { type: 'json' };

export const orgErrors = declareErrors('org', declared.orgErrors);

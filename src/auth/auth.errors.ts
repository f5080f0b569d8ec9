import { declareErrors } from '../shared/errors.ts';
import declared from './auth.errors.json' with { type: 'json' };

export const authErrors = declareErrors('auth', declared.authErrors);

export const userErrors = declareErrors('user', declared.userErrors);

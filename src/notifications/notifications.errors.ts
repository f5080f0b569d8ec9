import { declareErrors } from '../shared/errors.ts';
import declared from './notifications.errors.json' with { type: 'json' };

export const notificationErrors = declareErrors('notifications', declared.notificationErrors);

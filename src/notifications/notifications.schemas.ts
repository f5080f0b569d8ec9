import { z } from 'zod';
import { outboxStatuses } from './outbox-admin.usecases.ts';

export const outboxQuerySchema = z.strictObject({
  status: z.enum(outboxStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const noticeIdSchema = z.string().regex(/^ntf_[A-Za-z0-9_-]{1,40}$/);
export { noFieldsSchema } from '../shared/no-fields.schema.ts';

import { Router, type Request } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { body, query } from '../shared/http.ts';
import { notificationErrors } from './notifications.errors.ts';
import { noFieldsSchema, noticeIdSchema, outboxQuerySchema } from './notifications.schemas.ts';
import { outboxOverview, retryNotice, type OutboxAdminDeps } from './outbox-admin.usecases.ts';

export const noticeId = (req: Request): string => {
  const parsed = noticeIdSchema.safeParse(req.params.id);
  if (!parsed.success) throw notificationErrors.notFound();
  return parsed.data;
};

// The outbox for the admin (docs/notifications.md); the page is notifications.pages.ts.
export function outboxAdmin(deps: OutboxAdminDeps): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/api/admin/notifications', admin, async (req, res) => {
    res.json(await outboxOverview(deps, query(req, outboxQuerySchema)));
  });

  router.post('/api/admin/notifications/:id/retry', admin, async (req, res) => {
    body(req, noFieldsSchema);
    await retryNotice(deps, noticeId(req), currentUser(req).id);
    res.json({ queued: true });
  });

  return router;
}

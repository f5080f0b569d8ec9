import { Router, type Request, type Response } from 'express';
import { currentUser, requireRole } from '../auth/auth.guards.ts';
import { describeError, isAppError } from '../shared/errors.ts';
import { setFlash } from '../web/flash.ts';
import { renderPage } from '../web/render.ts';
import { noticeId } from './notifications.routes.ts';
import { outboxQuerySchema } from './notifications.schemas.ts';
import { outboxOverview, outboxStatuses, retryNotice, type OutboxAdminDeps } from './outbox-admin.usecases.ts';

// /admin/notifications: what the outbox holds, per status, and a button to send again a message
// given up or only logged (the same use case as POST /api/admin/notifications/:id/retry).
export function outboxAdminPages(deps: OutboxAdminDeps): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.get('/admin/notifications', admin, (req, res) => showOutbox(deps, req, res));

  router.post('/admin/notifications/:id/retry', admin, async (req, res) => {
    try {
      await retryNotice(deps, noticeId(req), currentUser(req).id);
    } catch (err) {
      if (!isAppError(err) || err.status >= 500) throw err;
      return showOutbox(deps, req, res.status(err.status), describeError(err, res.locals.lang).message);
    }
    setFlash(res, 'notifications.flash.queued');
    res.redirect(303, '/admin/notifications');
  });
  return router;
}

async function showOutbox(deps: OutboxAdminDeps, req: Request, res: Response, problem?: string): Promise<void> {
  const t = res.locals.t;
  const parsed = outboxQuerySchema.safeParse({ status: typeof req.query.status === 'string' && req.query.status ? req.query.status : undefined });
  const filter = parsed.success ? parsed.data : { limit: 100 };
  const overview = await outboxOverview(deps, filter);
  renderPage(res, 'notifications/admin', {
    title: t('notifications.admin.title'),
    problem: problem ?? null,
    status: filter.status ?? '',
    statuses: [{ value: '', label: t('notifications.status.all') }, ...outboxStatuses.map((s) => ({ value: s, label: t(`notifications.status.${s}`) }))],
    counts: outboxStatuses.map((s) => ({ label: t(`notifications.status.${s}`), n: overview.counts[s] })),
    rows: overview.messages.map((m) => ({ ...m, statusLabel: t(`notifications.status.${m.status as (typeof outboxStatuses)[number]}`), retryable: m.status === 'failed' || m.status === 'logged' })),
  });
}

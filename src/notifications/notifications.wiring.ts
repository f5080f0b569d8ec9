import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { outboxAdmin } from './notifications.routes.ts';
import { outboxAdminPages } from './notifications.pages.ts';
import type { OutboxAdminDeps } from './outbox-admin.usecases.ts';

// The outbox's admin API and page, mounted with one line in app.ts.
export function notificationsModule(deps: AppDeps): Router {
  const outbox: OutboxAdminDeps = { database: deps.database, clock: deps.clock, log: deps.logger ? (entry, message) => deps.logger!.info(entry, message) : undefined };
  const router = Router();
  router.use(outboxAdmin(outbox));
  router.use(outboxAdminPages(outbox));
  return router;
}

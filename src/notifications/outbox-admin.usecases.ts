import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { notificationErrors } from './notifications.errors.ts';
import * as repo from './notifications.repository.ts';

export type OutboxAdminDeps = { database: Database; clock: Clock; log?: (entry: Record<string, unknown>, message: string) => void };
export const outboxStatuses = ['pending', 'sent', 'logged', 'failed'] as const;

// What the outbox holds: counts per status and the latest messages, for the admin (never the copil:
// addresses and personal comments are in there).
export async function outboxOverview({ database }: Pick<OutboxAdminDeps, 'database'>, filter: { status?: string; limit: number }) {
  const counts = await repo.countsByStatus(database.db);
  const messages = (await repo.latestOutbox(database.db, filter)).map(({ bodyHtml: _html, bodyText: _text, ...row }) => row);
  return { counts: Object.fromEntries(outboxStatuses.map((s) => [s, counts[s] ?? 0])), messages };
}

// Sends a message again: one given up after its retries, or only logged while no SMTP server was
// configured. The dispatcher takes it at its next round.
export async function retryNotice(deps: OutboxAdminDeps, id: string, actorId: string): Promise<void> {
  await deps.database.transaction(async () => {
    const row = await repo.findOutboxRow(deps.database.db, id);
    if (!row) throw notificationErrors.notFound();
    if (!(await repo.requeue(deps.database.db, id, deps.clock.now().toUTC().toISO()!))) throw notificationErrors.notRetryable({ status: row.status }, [{ path: 'status', message: `status ${row.status}` }]);
  });
  deps.log?.({ notificationId: id, actorId }, 'notification queued again by an admin');
}

import { eq } from 'drizzle-orm';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import { toIso, type AuditEvent } from './auth.models.ts';
import { authAudit } from './auth.table.ts';
import { insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import * as pg from './auth.pg-table.ts';

const tables = tablesByDialect({ authAudit }, pg);

export type AuditRow = typeof authAudit.$inferSelect;
export type AuditInput = {
  event: AuditEvent;
  actorId?: string | null;
  subjectUserId?: string | null;
  ip?: string | null;
  // Free-form context (an attempted email, a role, a token id). Never a password or a token.
  detail?: Record<string, string> | null;
};

export async function recordAudit(db: Db, clock: Clock, input: AuditInput): Promise<void> {
  const { authAudit } = tables(db);
  await db.insert(authAudit)
    .values({
      id: newId('aud'),
      at: toIso(clock.now()),
      actorId: input.actorId ?? null,
      subjectUserId: input.subjectUserId ?? null,
      event: input.event,
      ip: input.ip ?? null,
      detail: input.detail ? JSON.stringify(input.detail) : null,
    });
}

// Insertion order (rowid): rows written within the same millisecond keep their real sequence.
export async function listAudit(db: Db, subjectUserId?: string): Promise<AuditRow[]> {
  const { authAudit } = tables(db);
  const query = db.select().from(authAudit);
  return (subjectUserId ? query.where(eq(authAudit.subjectUserId, subjectUserId)) : query).orderBy(insertionOrder(db, authAudit));
}

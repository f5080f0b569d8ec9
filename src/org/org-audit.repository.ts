import { desc, eq } from 'drizzle-orm';
import { users } from '../auth/auth.table.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import type { OrgAuditAction } from './org.models.ts';
import { orgAudit } from './org.table.ts';
import { insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import * as pg from '../auth/auth.pg-table.ts';
import * as pg1 from './org.pg-table.ts';

const tables = tablesByDialect({ orgAudit, users }, { ...pg, ...pg1 });

export type OrgAuditInput = { actorId: string | null; action: OrgAuditAction; targetId: string; detail: string };
// actorName is null when the change came from the CLI (no actor) or the actor's row is gone.
export type OrgAuditEntry = { id: string; at: string; actorId: string | null; actorName: string | null; action: OrgAuditAction; targetId: string; detail: string };

export async function recordOrgAudit(db: Db, clock: Clock, input: OrgAuditInput): Promise<void> {
  const { orgAudit } = tables(db);
  await db.insert(orgAudit)
    .values({ id: newId('aud'), at: clock.now().toUTC().toISO()!, ...input });
}

// Newest first by insertion order (rowid): rows written within the same millisecond keep their real sequence.
export async function listRecentOrgAudit(db: Db, limit: number): Promise<OrgAuditEntry[]> {
  const { orgAudit, users } = tables(db);
  return db
    .select({
      id: orgAudit.id,
      at: orgAudit.at,
      actorId: orgAudit.actorId,
      actorName: users.name,
      action: orgAudit.action,
      targetId: orgAudit.targetId,
      detail: orgAudit.detail,
    })
    .from(orgAudit)
    .leftJoin(users, eq(users.id, orgAudit.actorId))
    .orderBy(desc(insertionOrder(db, orgAudit)))
    .limit(limit);
}

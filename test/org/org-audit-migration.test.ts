import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { orgAuditActions } from '../../src/org/org.models.ts';
import { migrationsFolder } from '../../src/shared/db.ts';

type Journal = { entries: Array<{ tag: string }> };
const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;

function apply(sqlite: BetterSqlite3.Database, tag: string): void {
  const text = readFileSync(resolve(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) sqlite.exec(statement);
}

function migrated(): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(':memory:');
  for (const { tag } of journal.entries) apply(sqlite, tag);
  return sqlite;
}

const insertSql = "insert into org_audit (id, at, actor_id, action, target_id, detail) values (?, '2026-11-27T10:00:00.000Z', ?, ?, 'bgl_1', 'ANR-22 (LGEI)')";

describe('org_audit (0017, made append-only by 0018)', () => {
  it('comes with its triggers right after the table', () => {
    const tags = journal.entries.map((e) => e.tag);
    expect(tags[tags.indexOf('0017_org_audit') + 1]).toBe('0018_org_audit_append_only');
    const sqlite = migrated();
    const triggers = sqlite.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'org_audit' order by name").pluck().all();
    expect(triggers).toEqual(['org_audit_no_delete', 'org_audit_no_update']);
  });

  it('refuses UPDATE and DELETE, and an action outside the list, keeping the rows as written', () => {
    const sqlite = migrated();
    const insert = sqlite.prepare(insertSql);
    insert.run('aud_b', 'usr_admin', 'budget_line_closed');
    insert.run('aud_a', null, 'budget_line_reopened');
    expect(() => sqlite.prepare("update org_audit set actor_id = 'usr_other'").run()).toThrow(/org_audit is append-only/);
    expect(() => sqlite.prepare("update org_audit set action = 'budget_line_created' where id = 'aud_a'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from org_audit where id = 'aud_b'").run()).toThrow(/org_audit is append-only/);
    expect(() => insert.run('aud_c', null, 'budget_line_deleted')).toThrow(/CHECK/);
    expect(sqlite.prepare('select id, actor_id as actorId, action from org_audit order by rowid').all()).toEqual([
      { id: 'aud_b', actorId: 'usr_admin', action: 'budget_line_closed' },
      { id: 'aud_a', actorId: null, action: 'budget_line_reopened' },
    ]);
  });

  it('accepts every action the code may write', () => {
    const sqlite = migrated();
    const insert = sqlite.prepare(insertSql);
    orgAuditActions.forEach((action, i) => insert.run(`aud_${i}`, null, action));
    expect(sqlite.prepare('select count(*) from org_audit').pluck().get()).toBe(4);
  });
});

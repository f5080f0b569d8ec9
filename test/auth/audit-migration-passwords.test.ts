import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/auth/auth.models.ts';
import { migrationsFolder } from '../../src/shared/db.ts';

type Journal = { entries: Array<{ tag: string }> };
const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
const tags = journal.entries.map((e) => e.tag);

function apply(sqlite: BetterSqlite3.Database, tag: string): void {
  const text = readFileSync(resolve(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) sqlite.exec(statement);
}

const triggers = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'auth_audit' order by name").pluck().all();

// 0015 rebuilds auth_audit for the password and edit events; 0016 restores the append-only triggers
// the rebuild dropped. Rows written before must survive in their order.
describe('auth_audit rebuilt for password_changed, password_change_failed, password_set, user_updated', () => {
  it('keeps existing rows in order, accepts the new events and is append-only again', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const rebuild = tags.indexOf('0015_auth_audit_passwords');
    expect(tags[rebuild + 1]).toBe('0016_auth_audit_append_only_passwords');
    for (const tag of tags.slice(0, rebuild)) apply(sqlite, tag);
    const insert = sqlite.prepare('insert into auth_audit (id, at, event, subject_user_id) values (?, ?, ?, ?)');
    insert.run('aud_b', '2026-01-01T10:00:00.000Z', 'user_created', 'usr_1');
    insert.run('aud_a', '2026-01-01T10:00:00.000Z', 'user_disabled', 'usr_1');
    expect(() => insert.run('aud_c', '2026-01-02T10:00:00.000Z', 'password_changed', 'usr_1')).toThrow(/CHECK/);
    expect(triggers(sqlite)).toEqual(['auth_audit_no_delete', 'auth_audit_no_update']);

    // The rebuild alone drops the triggers: this is why 0016 exists.
    apply(sqlite, tags[rebuild]!);
    expect(triggers(sqlite)).toEqual([]);
    for (const tag of tags.slice(rebuild + 1)) apply(sqlite, tag);
    expect(triggers(sqlite)).toEqual(['auth_audit_no_delete', 'auth_audit_no_update']);

    const added = ['password_changed', 'password_change_failed', 'password_set', 'user_updated'];
    added.forEach((event, i) => insert.run(`aud_n${i}`, '2026-01-03T10:00:00.000Z', event, 'usr_1'));
    // Insertion order (rowid) is what listAudit sorts by; the first ids were chosen out of alphabetical order.
    expect(sqlite.prepare('select id, event from auth_audit order by rowid').all()).toEqual([
      { id: 'aud_b', event: 'user_created' },
      { id: 'aud_a', event: 'user_disabled' },
      ...added.map((event, i) => ({ id: `aud_n${i}`, event })),
    ]);
    expect(() => sqlite.prepare("update auth_audit set event = 'sign_out'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from auth_audit').run()).toThrow(/append-only/);
    expect(() => insert.run('aud_x', '2026-01-03T10:00:00.000Z', 'password_shown', 'usr_1')).toThrow(/CHECK/);
    const indexes = sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'auth_audit' and name not like 'sqlite_%' order by name").pluck().all();
    expect(indexes).toEqual(['auth_audit_at_idx', 'auth_audit_subject_idx']);
  });

  it('accepts every event the code may write', () => {
    const sqlite = new BetterSqlite3(':memory:');
    for (const tag of tags) apply(sqlite, tag);
    const insert = sqlite.prepare("insert into auth_audit (id, at, event) values (?, '2026-01-01T10:00:00.000Z', ?)");
    auditEvents.forEach((event, i) => insert.run(`aud_${i}`, event));
    expect(sqlite.prepare('select count(*) from auth_audit').pluck().get()).toBe(auditEvents.length);
  });
});

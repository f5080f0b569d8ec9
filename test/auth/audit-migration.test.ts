import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/shared/db.ts';

type Journal = { entries: Array<{ tag: string }> };
const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;

function apply(sqlite: BetterSqlite3.Database, tag: string): void {
  const text = readFileSync(resolve(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) sqlite.exec(statement);
}

// 0010 rebuilds auth_audit to accept the disable/enable events: the rows already written must survive
// in their order, and 0011 must make the rebuilt table append-only again.
describe('auth_audit rebuilt for user_disabled / user_enabled', () => {
  it('keeps existing rows in order, accepts the new events and refuses UPDATE and DELETE again', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const tags = journal.entries.map((e) => e.tag);
    const rebuild = tags.indexOf('0010_auth_audit_user_status');
    expect(rebuild).toBeGreaterThan(0);
    for (const tag of tags.slice(0, rebuild)) apply(sqlite, tag);
    const insert = sqlite.prepare('insert into auth_audit (id, at, event, subject_user_id) values (?, ?, ?, ?)');
    insert.run('aud_b', '2026-01-01T10:00:00.000Z', 'user_created', 'usr_1');
    insert.run('aud_a', '2026-01-01T10:00:00.000Z', 'role_added', 'usr_1');
    expect(() => insert.run('aud_c', '2026-01-02T10:00:00.000Z', 'user_disabled', 'usr_1')).toThrow(/CHECK/);

    for (const tag of tags.slice(rebuild)) apply(sqlite, tag);
    insert.run('aud_c', '2026-01-02T10:00:00.000Z', 'user_disabled', 'usr_1');
    insert.run('aud_d', '2026-01-03T10:00:00.000Z', 'user_enabled', 'usr_1');
    // Insertion order (rowid) is what listAudit sorts by; ids were chosen out of alphabetical order.
    expect(sqlite.prepare('select id, event from auth_audit order by rowid').all()).toEqual([
      { id: 'aud_b', event: 'user_created' },
      { id: 'aud_a', event: 'role_added' },
      { id: 'aud_c', event: 'user_disabled' },
      { id: 'aud_d', event: 'user_enabled' },
    ]);
    expect(() => sqlite.prepare("update auth_audit set event = 'sign_out'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from auth_audit').run()).toThrow(/append-only/);
    expect(() => insert.run('aud_e', '2026-01-03T10:00:00.000Z', 'password_shown', 'usr_1')).toThrow(/CHECK/);
    const indexes = sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'auth_audit' and name not like 'sqlite_%' order by name").all();
    expect(indexes).toEqual([{ name: 'auth_audit_at_idx' }, { name: 'auth_audit_subject_idx' }]);
  });
});

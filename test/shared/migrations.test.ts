import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/shared/db.ts';
import { memoryDatabase } from '../helpers/db.ts';

type Journal = { entries: Array<{ idx: number; tag: string }> };

describe('migrations', () => {
  const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;

  it('applies every migration prefix in order on an empty database', () => {
    const sqlite = new BetterSqlite3(':memory:');
    for (const entry of journal.entries) {
      const text = readFileSync(resolve(migrationsFolder, `${entry.tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) sqlite.exec(statement);
      }
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    }
  });

  it('is applied by the migrator and is idempotent', () => {
    const database = memoryDatabase();
    const tables = database.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toContain('carbon_prices');
  });
});

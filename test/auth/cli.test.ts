import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { runUserCommand } from '../../src/auth/auth.cli.ts';
import { runCli, type CliIo } from '../../src/auth/cli.io.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { verifyPassword } from '../../src/auth/auth.crypto.ts';
import { firstStartHint } from '../../src/auth/first-start.ts';
import { runBudgetLineCommand, runEntityCommand } from '../../src/org/org.cli.ts';
import { openMigratedDatabase, projectRoot } from '../../src/shared/db.ts';
import { testApp } from '../helpers/app.ts';
import { memoryCliIo } from '../helpers/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'empreinte-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('empreinte user add (a real process)', () => {
  it('prints a working API token alone on the last line with --token', async () => {
    const dbPath = join(tmp, 'cli.sqlite');
    const env = { ...process.env, EMPREINTE_DB: dbPath };
    const bin = resolve(projectRoot, 'bin/empreinte.js');
    const run = promisify(execFile);
    const entity = await run(process.execPath, [bin, 'entity', 'add', '--name', 'Laboratoire LGEI', '--kind', 'lab'], { env });
    expect(entity.stdout.trim()).toMatch(/^ent_[A-Za-z0-9_-]+$/);
    const { stdout } = await run(
      process.execPath,
      [bin, 'user', 'add', '--email', 'Paul.Roux@mines-ales.fr', '--name', 'Paul Roux', '--role', 'staff', '--role', 'secretariat', '--entity', 'Laboratoire LGEI', '--token'],
      { env },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    const token = lines.at(-1)!;
    expect(token).toMatch(/^emp_[A-Za-z0-9_-]{43}$/);

    const database = openMigratedDatabase(dbPath);
    try {
      const { app } = testApp({ database });
      const me = await request(app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.user).toMatchObject({ email: 'paul.roux@mines-ales.fr', roles: ['staff', 'secretariat'], entityId: entity.stdout.trim(), via: 'token' });
    } finally {
      database.sqlite.close();
    }
  });
});

describe('empreinte user (in process)', () => {
  it('reads the password from stdin, hashes it, and audits the creation', async () => {
    const { io, out } = memoryCliIo('une phrase de passe solide\n');
    const code = await runCli((cli) => runUserCommand(['add', '--email', 'a@b.fr', '--name', 'A', '--role', 'admin', '--password-stdin'], cli), io);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^Created user usr_/);
    const row = io.database.sqlite.prepare('select password_hash from users').get() as { password_hash: string };
    expect(await verifyPassword('une phrase de passe solide', row.password_hash)).toBe(true);
    expect((await listAudit(io.database.db)).map((r) => [r.event, r.actorId, r.ip])).toEqual([['user_created', null, 'cli']]);
  });

  it('refuses a short password, an unknown role or entity, and a duplicate email, with exit codes 1 or 2', async () => {
    const { io, err } = memoryCliIo('short\n');
    const add = (...args: string[]) => runCli((cli) => runUserCommand(['add', ...args], cli), io);
    expect(await add('--email', 'a@b.fr', '--name', 'A', '--password-stdin')).toBe(1);
    expect(err.at(-1)).toMatch(/Mot de passe refusé/);
    expect(await add('--email', 'a@b.fr', '--name', 'A', '--role', 'boss')).toBe(2);
    expect(await add('--email', 'a@b.fr', '--name', 'A', '--entity', 'Nowhere')).toBe(1);
    expect(await add('--email', 'a@b.fr', '--name', 'A', '--bogus')).toBe(2);
    expect(await add('--email', 'A@b.fr', '--name', 'A')).toBe(0);
    expect(await add('--email', 'a@B.fr', '--name', 'A again')).toBe(1);
    expect(err.at(-1)).toMatch(/existe déjà/);
  });

  it('adds and removes roles, auditing only real changes', async () => {
    const { io, out } = memoryCliIo();
    await runCli((cli) => runUserCommand(['add', '--email', 'c@d.fr', '--name', 'C', '--role', 'staff'], cli), io);
    const role = (...args: string[]) => runCli((cli) => runUserCommand(['role', '--email', 'C@d.fr', ...args], cli), io);
    expect(await role('--add', 'finance')).toBe(0);
    expect(await role('--add', 'finance', '--remove', 'staff')).toBe(0);
    expect(out.at(-1)).toBe('c@d.fr now has roles: finance');
    expect(await role('--add', 'king')).toBe(2);
    expect((await listAudit(io.database.db)).map((r) => [r.event, r.detail])).toEqual([
      ['user_created', '{"roles":"staff"}'],
      ['role_added', '{"role":"finance"}'],
      ['role_removed', '{"role":"staff"}'],
    ]);
  });

  it('creates entities and budget lines by name or id and prints their ids', async () => {
    const { io, out } = memoryCliIo();
    expect(await runCli((cli) => runEntityCommand(['add', '--name', 'DRI', '--kind', 'service'], cli), io)).toBe(0);
    const entityId = out.at(-1)!;
    expect(await runCli((cli) => runBudgetLineCommand(['add', '--entity', 'DRI', '--code', 'MOB', '--label', 'Mobilité'], cli), io)).toBe(0);
    expect(out.at(-1)).toMatch(/^bgl_/);
    expect(await runCli((cli) => runBudgetLineCommand(['add', '--entity', entityId, '--code', 'MOB', '--label', 'Again'], cli), io)).toBe(1);
    expect(await runCli((cli) => runEntityCommand(['add', '--name', 'X', '--kind', 'club'], cli), io)).toBe(2);
  });
});

describe('first start', () => {
  it('explains how to create the first admin until one exists', async () => {
    const { io } = memoryCliIo('a long enough passphrase\n');
    const printed: string[] = [];
    expect(await firstStartHint(io.database, (t) => printed.push(t))).toMatch(/npx empreinte user add .*--role admin/s);
    expect(printed).toHaveLength(1);
    await runCli((cli) => runUserCommand(['add', '--email', 'boss@b.fr', '--name', 'Boss', '--role', 'admin', '--password-stdin'], cli), io);
    expect(await firstStartHint(io.database, (t) => printed.push(t))).toBeNull();
    expect(printed).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../src/auth/auth.cli.ts';
import { runCli, type CliIo } from '../../src/auth/cli.io.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { insertSession } from '../../src/auth/sessions.repository.ts';
import { findUserByEmail } from '../../src/auth/users.repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createUser } from '../helpers/auth.ts';
import { memoryDatabase } from '../helpers/db.ts';
import { createEntity } from '../helpers/org.ts';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { database: memoryDatabase(), clock: fixedClock('2026-11-27T10:00:00Z'), out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  const user = (...args: string[]) => runCli((cli) => runUserCommand(args, cli), io);
  return { io, out, err, user };
}

describe('empreinte user list | disable | enable', () => {
  it('lists people, one tab-separated line each, sorted by name', async () => {
    const { io, out, user } = memoryIo();
    const lab = await createEntity(io.database, { name: 'LGEI' });
    const zoe = await createUser(io.database, { name: 'Zoé Blanc', email: 'zoe@mines-ales.fr', roles: ['staff', 'secretariat'], entityId: lab.id, category: 'student' });
    const ana = await createUser(io.database, { name: 'Ana Roy', email: 'ana@mines-ales.fr', roles: ['admin'] });
    expect(await user('list')).toBe(0);
    expect(out).toEqual([
      `${ana.id}\tana@mines-ales.fr\tAna Roy\tstaff\t-\tadmin\tenabled`,
      `${zoe.id}\tzoe@mines-ales.fr\tZoé Blanc\tstudent\tLGEI\tstaff,secretariat\tenabled`,
    ]);
    expect(await user('list', '--all')).toBe(2);
  });

  it('disables a person by email (sessions ended, audited as the console), then enables them', async () => {
    const { io, out, user } = memoryIo();
    await createUser(io.database, { roles: ['admin'] });
    const person = await createUser(io.database, { email: 'eve@mines-ales.fr' });
    await insertSession(io.database.db, { id: 'sess_eve', userId: person.id, csrfSecret: 's', createdAt: '2026-11-27T09:00:00.000Z', expiresAt: '2026-11-27T21:00:00.000Z', lastSeenAt: '2026-11-27T09:00:00.000Z' });
    expect(await user('disable', '--email', 'Eve@Mines-Ales.fr')).toBe(0);
    expect(out.at(-1)).toBe('Disabled eve@mines-ales.fr (1 session(s) ended; API tokens refused until enabled)');
    expect((await findUserByEmail(io.database.db, person.email))?.disabled).toBe(true);
    expect(io.database.sqlite.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
    expect(await user('disable', '--email', person.email)).toBe(0);
    expect(out.at(-1)).toBe('eve@mines-ales.fr was already disabled');
    expect(await user('list')).toBe(0);
    expect(out.at(-1)).toMatch(/\tdisabled$/);
    expect(await user('enable', '--email', person.email)).toBe(0);
    expect(out.at(-1)).toBe('Enabled eve@mines-ales.fr');
    expect((await findUserByEmail(io.database.db, person.email))?.disabled).toBe(false);
    expect((await listAudit(io.database.db, person.id)).map((r) => [r.event, r.actorId, r.ip])).toEqual([
      ['user_created', null, null],
      ['user_disabled', null, 'cli'],
      ['user_enabled', null, 'cli'],
    ]);
  });

  it('refuses the last enabled admin (exit 1, the reason in French) and bad usage (exit 2)', async () => {
    const { io, err, user } = memoryIo();
    const admin = await createUser(io.database, { roles: ['admin'], name: 'Alix Admin', email: 'alix@mines-ales.fr' });
    expect(await user('disable', '--email', admin.email)).toBe(1);
    expect(err.at(-1)).toMatch(/Impossible de désactiver Alix Admin : c’est le dernier compte admin actif/);
    expect(await user('role', '--email', admin.email, '--remove', 'admin')).toBe(1);
    expect(err.at(-1)).toMatch(/Impossible de retirer le rôle admin/);
    expect((await findUserByEmail(io.database.db, admin.email))?.disabled).toBe(false);
    expect(await user('disable', '--email', 'nobody@mines-ales.fr')).toBe(1);
    expect(err.at(-1)).toMatch(/Aucun compte/);
    expect(await user('disable')).toBe(2);
    expect(await user('enable', '--email', admin.email, '--force')).toBe(2);
  });
});

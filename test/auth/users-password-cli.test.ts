import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../src/auth/auth.cli.ts';
import { runCli, type CliIo } from '../../src/auth/cli.io.ts';
import { listAudit } from '../../src/auth/audit.repository.ts';
import { verifyPassword } from '../../src/auth/auth.crypto.ts';
import { insertSession } from '../../src/auth/sessions.repository.ts';
import { findUserById } from '../../src/auth/users.repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createUser } from '../helpers/auth.ts';
import { memoryDatabase } from '../helpers/db.ts';

function memoryIo(stdin: string, stdinIsTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { database: memoryDatabase(), clock: fixedClock('2026-11-27T10:00:00Z'), out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin, stdinIsTTY };
  const user = (...args: string[]) => runCli((cli) => runUserCommand(args, cli), io);
  return { io, out, err, user };
}

const hashOf = async (io: CliIo, id: string) => (await findUserById(io.database.db, id))!.passwordHash!;

describe('empreinte user password --email', () => {
  it('reads the new password from standard input (one trailing newline dropped), ends the sessions, audits as the console', async () => {
    const { io, out, user } = memoryIo('une phrase de passe neuve\n');
    const person = await createUser(io.database, { email: 'eve@mines-ales.fr' });
    await insertSession(io.database.db, { id: 'sess_eve', userId: person.id, csrfSecret: 's', createdAt: '2026-11-27T09:00:00.000Z', expiresAt: '2026-11-27T21:00:00.000Z', lastSeenAt: '2026-11-27T09:00:00.000Z' });
    expect(await user('password', '--email', 'Eve@Mines-Ales.fr')).toBe(0);
    expect(out).toEqual(['Password set for eve@mines-ales.fr (1 session(s) ended)']);
    // Nothing printed holds the password: it came in on stdin and stays out of the output.
    expect(out.join('\n')).not.toContain('phrase');
    expect(await verifyPassword('une phrase de passe neuve', await hashOf(io, person.id))).toBe(true);
    expect(io.database.sqlite.prepare('select count(*) from sessions').pluck().get()).toBe(0);
    expect((await listAudit(io.database.db, person.id)).map((r) => [r.event, r.actorId, r.ip])).toEqual([
      ['user_created', null, null],
      ['password_set', null, 'cli'],
    ]);
  });

  it('refuses a short password (exit 1), a terminal on stdin, a password argument and a missing email (exit 2), changing nothing', async () => {
    const short = memoryIo('court\n');
    const person = await createUser(short.io.database, { email: 'eve@mines-ales.fr' });
    const before = await hashOf(short.io, person.id);
    expect(await short.user('password', '--email', person.email)).toBe(1);
    expect(short.err.at(-1)).toMatch(/^error: Mot de passe refusé : au moins 12 caractères/);
    expect(await short.user('password', '--email', person.email, '--password', 'une phrase de passe neuve')).toBe(2);
    expect(await short.user('password')).toBe(2);
    expect(short.err.at(-1)).toBe('error: --email is required');
    expect(await hashOf(short.io, person.id)).toBe(before);

    const tty = memoryIo('une phrase de passe neuve\n', true);
    const other = await createUser(tty.io.database, { email: 'eve@mines-ales.fr' });
    expect(await tty.user('password', '--email', other.email)).toBe(2);
    expect(tty.err.at(-1)).toMatch(/^error: pipe the new password into standard input/);
    expect(await tty.user('password', '--email', 'nobody@mines-ales.fr')).toBe(2);
    const unknown = memoryIo('une phrase de passe neuve\n');
    expect(await unknown.user('password', '--email', 'nobody@mines-ales.fr')).toBe(1);
    expect(unknown.err.at(-1)).toMatch(/Aucun compte pour nobody@mines-ales.fr/);
  });

  it('is listed in the usage', async () => {
    const { out, user } = memoryIo('');
    expect(await user('--help')).toBe(0);
    expect(out.join('\n')).toContain('empreinte user password --email E');
  });
});

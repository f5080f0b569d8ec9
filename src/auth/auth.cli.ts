import { parseArgs } from 'node:util';
import { resolveEntity } from '../org/org.usecases.ts';
import { zodIssuesToDetails } from '../shared/validation.ts';
import { userErrors } from './auth.errors.ts';
import { hashPassword } from './auth.crypto.ts';
import { isRole, userCategories, type UserCategory } from './auth.models.ts';
import { passwordSchema, PASSWORD_MIN_LENGTH } from './auth.schemas.ts';
import { roles, type Role } from './auth.types.ts';
import { UsageError, withProcessIo, type CliIo } from './cli.io.ts';
import { rolesOf } from './users.repository.ts';
import { setPasswordByAdmin } from './passwords.usecases.ts';
import { disableUser, enableUser, listPeople } from './users-admin.usecases.ts';
import { changeRole, createApiToken, createUser, findUserOrThrow } from './users.usecases.ts';

export const userUsage = `Usage:
  empreinte user add --email E --name N --role R [--role R…] [--entity ID|NAME] [--category staff|student]
                     [--password-stdin | --password P] [--token [--token-label L]]
  empreinte user role --email E (--add R | --remove R)…
  empreinte user token --email E [--token-label L]
  empreinte user list                       (tab-separated: id, email, name, category, entity, roles, status)
  empreinte user disable --email E          (ends their sessions; their API tokens are refused until enabled)
  empreinte user enable --email E
  empreinte user password --email E         (the new password is read from standard input, never from
                                             the command line; every session of the person ends)
Roles: ${roles.join(', ')}. With --token (and for "user token") the API token is printed alone on the last line.`;

const CLI_ACTOR = { actorId: null, ip: 'cli' };

function toRoles(values: string[] | undefined): Role[] {
  return (values ?? []).map((value) => {
    if (!isRole(value)) throw new UsageError(`unknown role "${value}" (expected one of ${roles.join(', ')})`);
    return value;
  });
}

async function readPassword(io: CliIo, values: { password?: string; 'password-stdin'?: boolean }): Promise<string | null> {
  if (values.password !== undefined && values['password-stdin']) throw new UsageError('give --password or --password-stdin, not both');
  const raw = values['password-stdin'] ? (await io.readStdin()).replace(/\r?\n$/, '') : values.password;
  if (raw === undefined) return null;
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) throw userErrors.weakPassword({ min: PASSWORD_MIN_LENGTH }, zodIssuesToDetails(parsed.error.issues));
  return parsed.data;
}

async function addUser(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      entity: { type: 'string' },
      category: { type: 'string', default: 'staff' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      token: { type: 'boolean' },
      'token-label': { type: 'string', default: 'cli' },
    },
  });
  if (!values.email || !values.name) throw new UsageError('--email and --name are required');
  if (!(userCategories as readonly string[]).includes(values.category)) throw new UsageError('--category must be staff or student');
  const wanted = toRoles(values.role);
  const roleList: Role[] = wanted.length ? wanted : ['staff'];
  const entity = values.entity ? await resolveEntity(io, values.entity) : null;
  const password = await readPassword(io, values);
  const passwordHash = password === null ? null : await hashPassword(password);
  const user = await createUser(
    io,
    { email: values.email, name: values.name, roles: roleList, entityId: entity?.id ?? null, category: values.category as UserCategory, passwordHash },
    CLI_ACTOR,
  );
  io.out(`Created user ${user.id} <${user.email}> (roles: ${roleList.join(', ')}; entity: ${entity ? `${entity.name} ${entity.id}` : 'none'})`);
  if (!passwordHash) io.out('No password set: this person signs in through the trusted proxy header or with an API token.');
  if (values.token) printToken(io, (await createApiToken(io, user.id, values['token-label'], CLI_ACTOR)).token);
  return 0;
}

// Scripts take the last line: nothing may follow the token.
function printToken(io: CliIo, token: string): void {
  io.out('API token (shown once; store it as a secret):');
  io.out(token);
}

async function changeRoles(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { email: { type: 'string' }, add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } },
  });
  if (!values.email || (!values.add && !values.remove)) throw new UsageError('--email and at least one --add or --remove are required');
  const toAdd = toRoles(values.add);
  const toRemove = toRoles(values.remove);
  const user = await findUserOrThrow(io, values.email);
  for (const role of toAdd) io.out(await changeRole(io, user.id, role, 'add', CLI_ACTOR) ? `Added role ${role}` : `Already had role ${role}`);
  for (const role of toRemove) io.out(await changeRole(io, user.id, role, 'remove', CLI_ACTOR) ? `Removed role ${role}` : `Did not have role ${role}`);
  io.out(`${user.email} now has roles: ${(await rolesOf(io.database.db, user.id)).join(', ') || '(none)'}`);
  return 0;
}

async function newToken(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { email: { type: 'string' }, 'token-label': { type: 'string', default: 'cli' } } });
  if (!values.email) throw new UsageError('--email is required');
  const user = await findUserOrThrow(io, values.email);
  printToken(io, (await createApiToken(io, user.id, values['token-label'], CLI_ACTOR)).token);
  return 0;
}

async function listUsers(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, strict: true, options: {} });
  for (const p of await listPeople(io)) {
    io.out([p.id, p.email, p.name, p.category, p.entity?.name ?? '-', p.roles.join(',') || '-', p.disabled ? 'disabled' : 'enabled'].join('\t'));
  }
  return 0;
}

// The console has no signed-in person (actor null): it may disable any admin but the last enabled one.
async function setStatus(args: string[], io: CliIo, status: 'disable' | 'enable'): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { email: { type: 'string' } } });
  if (!values.email) throw new UsageError('--email is required');
  const user = await findUserOrThrow(io, values.email);
  if (status === 'enable') {
    io.out((await enableUser(io, user.id, CLI_ACTOR)).changed ? `Enabled ${user.email}` : `${user.email} was already enabled`);
    return 0;
  }
  const { changed, sessionsEnded } = await disableUser(io, user.id, CLI_ACTOR);
  io.out(changed ? `Disabled ${user.email} (${sessionsEnded} session(s) ended; API tokens refused until enabled)` : `${user.email} was already disabled`);
  return 0;
}

// Standard input only: an argument would show in `ps` and the shell history, and a password generated
// here and printed would stay in the terminal's scrollback or a job log. The operator picks the source
// (a password manager, `openssl rand -base64 18`) and the channel to the person.
async function setPassword(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { email: { type: 'string' } } });
  if (!values.email) throw new UsageError('--email is required');
  if (io.stdinIsTTY) throw new UsageError("pipe the new password into standard input, e.g. printf '%s\\n' \"$PASSWORD\" | empreinte user password --email …");
  const user = await findUserOrThrow(io, values.email);
  const password = await readPassword(io, { 'password-stdin': true });
  const { sessionsEnded } = await setPasswordByAdmin(io, user.id, password!, CLI_ACTOR);
  io.out(`Password set for ${user.email} (${sessionsEnded} session(s) ended)`);
  return 0;
}

export async function runUserCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addUser(rest, io);
  if (sub === 'role') return changeRoles(rest, io);
  if (sub === 'token') return newToken(rest, io);
  if (sub === 'list') return listUsers(rest, io);
  if (sub === 'disable' || sub === 'enable') return setStatus(rest, io, sub);
  if (sub === 'password') return setPassword(rest, io);
  (sub === undefined || sub === '--help' ? io.out : io.err)(userUsage);
  return sub === undefined || sub === '--help' ? 0 : 2;
}

export const userCommand = (args: string[]): Promise<number> => withProcessIo((io) => runUserCommand(args, io));

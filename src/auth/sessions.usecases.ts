import { recordAudit } from './audit.repository.ts';
import { burnPasswordCheck, randomToken, sha256Hex, verifyPassword } from './auth.crypto.ts';
import { needsTouch, sessionExpiry, toIso } from './auth.models.ts';
import type { AuthenticatedUser } from './auth.types.ts';
import type { SignInLimiter } from './sign-in-limiter.ts';
import * as sessions from './sessions.repository.ts';
import * as tokens from './tokens.repository.ts';
import * as users from './users.repository.ts';
import type { AuthDeps } from './users.usecases.ts';

export type SignInResult =
  | { kind: 'signed_in'; sessionToken: string; user: AuthenticatedUser }
  | { kind: 'invalid' }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

type SignInInput = { email: string; password: string; ip: string; previousSessionToken?: string | undefined };

export async function signIn(deps: AuthDeps & { limiter: SignInLimiter }, input: SignInInput): Promise<SignInResult> {
  const { database, clock, limiter } = deps;
  const retryAfterSeconds = limiter.retryAfterSeconds(input.ip, input.email);
  if (retryAfterSeconds > 0) return { kind: 'rate_limited', retryAfterSeconds };

  const row = await users.findUserByEmail(database.db, input.email);
  const usable = row && !row.disabled && row.passwordHash ? row : undefined;
  const ok = usable ? await verifyPassword(input.password, usable.passwordHash!) : await burnPasswordCheck(input.password);
  if (!usable || !ok) {
    limiter.recordFailure(input.ip, input.email);
    await recordAudit(database.db, clock, { event: 'sign_in_failed', subjectUserId: row?.id ?? null, ip: input.ip, detail: { email: input.email } });
    return { kind: 'invalid' };
  }
  return { kind: 'signed_in', ...await openSession(deps, usable, input) };
}

// Rotation: a sign-in always starts a new session (new id, new CSRF secret) and ends the one the
// browser came with, so a session id planted before sign-in is worthless after it.
async function openSession({ database, clock }: AuthDeps, user: users.UserRow, input: SignInInput) {
  const sessionToken = randomToken(32);
  const now = clock.now();
  await database.transaction(async () => {
    if (input.previousSessionToken) await sessions.deleteSession(database.db, sha256Hex(input.previousSessionToken));
    await sessions.deleteExpiredSessions(database.db, toIso(now));
    await sessions.insertSession(database.db, {
      id: sha256Hex(sessionToken),
      userId: user.id,
      csrfSecret: randomToken(32),
      createdAt: toIso(now),
      expiresAt: sessionExpiry(now),
      lastSeenAt: toIso(now),
    });
    await recordAudit(database.db, clock, { event: 'sign_in', actorId: user.id, subjectUserId: user.id, ip: input.ip, detail: { via: 'password' } });
  });
  return { sessionToken, user: await users.toAuthenticatedUser(database.db, user, 'session') };
}

export async function signOut({ database, clock }: AuthDeps, sessionToken: string, ip: string): Promise<void> {
  await database.transaction(async () => {
    const ended = await sessions.deleteSession(database.db, sha256Hex(sessionToken));
    if (ended) await recordAudit(database.db, clock, { event: 'sign_out', actorId: ended.userId, subjectUserId: ended.userId, ip });
  });
}

export type LiveSession = { user: AuthenticatedUser; sessionId: string; csrfSecret: string };

// Sliding expiry: each request (at most once a minute) pushes the end of the session 12 h further.
export async function userFromSession({ database, clock }: AuthDeps, sessionToken: string): Promise<LiveSession | null> {
  const now = clock.now();
  const session = await sessions.findLiveSession(database.db, sha256Hex(sessionToken), toIso(now));
  if (!session) return null;
  const row = await users.findUserById(database.db, session.userId);
  if (!row || row.disabled) return null;
  if (needsTouch(session.lastSeenAt, now)) await sessions.touchSession(database.db, session.id, toIso(now), sessionExpiry(now));
  return { user: await users.toAuthenticatedUser(database.db, row, 'session'), sessionId: session.id, csrfSecret: session.csrfSecret };
}

export async function userFromApiToken({ database, clock }: AuthDeps, token: string): Promise<AuthenticatedUser | null> {
  const found = await tokens.findLiveTokenByHash(database.db, sha256Hex(token));
  if (!found) return null;
  const row = await users.findUserById(database.db, found.userId);
  if (!row || row.disabled) return null;
  const now = clock.now();
  if (!found.lastUsedAt || needsTouch(found.lastUsedAt, now)) await tokens.touchApiToken(database.db, found.id, toIso(now));
  return await users.toAuthenticatedUser(database.db, row, 'token');
}

// The reverse proxy vouches for the person: an email, or a bare uid matching exactly one email's local part.
export async function userFromTrustedHeader({ database }: Pick<AuthDeps, 'database'>, value: string): Promise<AuthenticatedUser | null> {
  const id = value.trim().toLowerCase();
  if (!id || id.length > 254) return null;
  const candidates = id.includes('@') ? [await users.findUserByEmail(database.db, id)].filter((u) => !!u) : await users.findUsersByEmailLocalPart(database.db, id);
  const row = candidates.length === 1 ? candidates[0]! : undefined;
  return row && !row.disabled ? await users.toAuthenticatedUser(database.db, row, 'header') : null;
}

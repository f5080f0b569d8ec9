import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import { formatInstant } from '../shared/i18n/index.ts';
import { activeHoldersOf, findUserById } from '../auth/users.repository.ts';
import { renderNotice } from './mail-render.ts';
import { claimNoticeFor, isPermanentSmtpFailure, MAX_SEND_ATTEMPTS, missionNoticeFor, retryDelayMinutes, type Notice } from './notifications.models.ts';
import { noticeWords } from './notifications.messages.ts';
import * as repo from './notifications.repository.ts';

// Without `publicUrl` (use-case tests that build their own deps) no notice is written.
export type NoticeDeps = { database: Database; publicUrl?: string };

type MissionFacts = { id: string; travellerId: string; destinationCountry: string; destinationCity: string | null; departAt: string };

// `approverIds`: for a notice to approvers, who they are (the workflow knows the step awaited).
type StepInput = { action: string; mission: MissionFacts; actorId: string; comment: string | null; at: string; approverIds?: readonly string[] };

// Called inside the workflow step's transaction: the notices exist exactly when the step does (rolled
// back with it), and are sent after the commit by the dispatcher, so that no SMTP server, slow or
// down, ever holds a step up.
export const enqueueMissionNotices = (deps: NoticeDeps, input: StepInput, notice = missionNoticeFor(input.action)): Promise<void> => enqueueNotice(deps, notice, input, '');
export const enqueueClaimNotices = (deps: NoticeDeps, input: StepInput): Promise<void> => enqueueNotice(deps, claimNoticeFor(input.action), input, '/claim');

async function enqueueNotice(deps: NoticeDeps, notice: Notice | null, input: StepInput, page: string): Promise<void> {
  if (!notice || !deps.publicUrl) return;
  const db = deps.database.db;
  const traveller = await findUserById(db, input.mission.travellerId);
  const actor = await findUserById(db, input.actorId);
  if (!traveller) return;
  // Four-eyes: a secretariat member's own mission is not theirs to review.
  const recipients = (await recipientsOf(deps, notice, input, traveller)).filter((u) => notice.audience === 'traveller' || u.id !== traveller.id);
  const destination = input.mission.destinationCity ? `${input.mission.destinationCity} (${input.mission.destinationCountry})` : input.mission.destinationCountry;
  const params = (lang: 'fr' | 'en') => ({ traveller: traveller.name, actor: actor?.name ?? '—', destination, departs: formatInstant(input.mission.departAt, lang) });
  const words = noticeWords[notice.kind];
  const link = `${deps.publicUrl.replace(/\/+$/, '')}/missions/${input.mission.id}${page}`;
  const body = renderNotice({
    parts: [
      { lang: 'fr', lead: words.fr.lead(params('fr')), commentLabel: 'Commentaire :', linkLabel: page ? "Voir l'état de frais :" : 'Voir la mission :' },
      { lang: 'en', lead: words.en.lead(params('en')), commentLabel: 'Comment:', linkLabel: page ? 'Open the claim:' : 'Open the mission:' },
    ],
    comment: input.comment,
    link,
  });
  await repo.enqueue(db, recipients.map((r) => ({
    id: newId('ntf'), kind: notice.kind, missionId: input.mission.id, recipient: r.email, subject: `[Empreinte] ${words.fr.subject} / ${words.en.subject}`,
    bodyText: body.text, bodyHtml: body.html, createdAt: input.at, status: 'pending', attempts: 0, nextAttemptAt: input.at,
  })));
}

type Recipient = { id: string; email: string; name: string };

async function recipientsOf(deps: NoticeDeps, notice: Notice, input: StepInput, traveller: Recipient): Promise<Recipient[]> {
  const db = deps.database.db;
  if (notice.audience === 'traveller') return [traveller];
  if (notice.audience === 'secretariat') return activeHoldersOf(db, 'secretariat');
  const reachable: Recipient[] = [];
  for (const id of input.approverIds ?? []) {
    const user = await findUserById(db, id);
    if (user && !user.disabled) reachable.push(user);
  }
  // A step nobody holds goes to the admins, who may take it (approvals.models.ts mayApprove).
  return reachable.length > 0 ? reachable : activeHoldersOf(db, 'admin');
}

// What delivers a message; null when no SMTP server is configured (the message is logged instead).
export type Mailer = { send(message: { to: string; subject: string; text: string; html: string }): Promise<void> };
export type DispatchDeps = { database: Database; clock: Clock; mailer: Mailer | null; log: (entry: Record<string, unknown>, message: string) => void };
export type DispatchSummary = { sent: number; logged: number; retried: number; failed: number };

// A send never takes longer than the mailer's timeouts (src/notifications/smtp-mailer.ts); the lease
// outlasts them, so that another dispatcher does not take the message meanwhile.
const LEASE_MINUTES = 5;

// Sends what is due, one message at a time, each outside any transaction (a send is network I/O).
export async function dispatchDue(deps: DispatchDeps, limit = 50): Promise<DispatchSummary> {
  const summary: DispatchSummary = { sent: 0, logged: 0, retried: 0, failed: 0 };
  const now = deps.clock.now().toUTC();
  const nowIso = now.toISO()!;
  const leaseUntil = now.plus({ minutes: LEASE_MINUTES }).toISO()!;
  for (const row of await repo.duePending(deps.database.db, nowIso, limit)) {
    if (!(await repo.claim(deps.database.db, row.id, nowIso, leaseUntil))) continue;
    const outcome = await attemptSend(deps, row);
    await repo.recordOutcome(deps.database.db, row.id, outcome);
    summary[outcome.status === 'pending' ? 'retried' : outcome.status] += 1;
  }
  return summary;
}

async function attemptSend(deps: DispatchDeps, row: repo.OutboxRow): Promise<repo.Outcome> {
  const attempts = row.attempts + 1;
  const at = deps.clock.now().toUTC().toISO()!;
  if (!deps.mailer) {
    // Never an address in the logs (src/ops/logger.ts): the outbox row keeps it.
    deps.log({ notificationId: row.id, kind: row.kind, missionId: row.missionId, subject: row.subject }, 'notification not sent: no SMTP server configured (EMPREINTE_SMTP_URL)');
    return { status: 'logged', at, attempts };
  }
  try {
    await deps.mailer.send({ to: row.recipient, subject: row.subject, text: row.bodyText, html: row.bodyHtml });
    return { status: 'sent', at, attempts };
  } catch (err) {
    const { message, responseCode } = err as { message?: string; responseCode?: number };
    const error = `${responseCode ? `${responseCode} ` : ''}${message ?? String(err)}`.slice(0, 500);
    const delay = retryDelayMinutes(attempts);
    deps.log({ notificationId: row.id, kind: row.kind, attempts, error }, 'notification send failed');
    if (isPermanentSmtpFailure(responseCode) || delay === null || attempts >= MAX_SEND_ATTEMPTS) return { status: 'failed', attempts, error };
    return { status: 'pending', attempts, error, nextAttemptAt: deps.clock.now().toUTC().plus({ minutes: delay }).toISO()! };
  }
}

import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/server-process.ts';
import { dispatchDue, type DispatchDeps, type Mailer } from '../../src/notifications/notifications.usecases.ts';
import { smtpMailer } from '../../src/notifications/smtp-mailer.ts';
import { movableClock } from '../auth/support.ts';
import { engineApp } from '../helpers/app.ts';
import { bearerFor, createUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { select } from '../helpers/sql.ts';
import { setUserDisabled } from '../../src/auth/users.repository.ts';
import { montrealTrip } from '../missions/fixtures.ts';
import { startSmtpPeer } from './smtp-peer.ts';

// E-mail notices: written to the outbox in the workflow step's transaction, sent after it by the
// dispatcher through a real SMTP server on loopback, kept and retried when that server is down, slow
// or refuses. The app's clock is pinned at 2026-11-27T10:00Z; the dispatcher gets its own, movable.
type OutboxRow = { kind: string; recipient: string; subject: string; bodyText: string; bodyHtml: string; status: string; attempts: number; nextAttemptAt: string; lastError: string | null };

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function world() {
  const { app, deps } = await engineApp();
  closers.push(() => deps.database.close());
  const entity = await createEntity(deps.database);
  const budgetLineId = (await createBudgetLine(deps.database, entity.id)).id;
  const traveller = await createUser(deps.database, { roles: ['staff'], entityId: entity.id, name: 'Camille Martin', email: 'camille.martin@mines-ales.fr' });
  const secretaries = [
    await createUser(deps.database, { roles: ['staff', 'secretariat'], name: 'Dominique Roux', email: 'dominique.roux@mines-ales.fr' }),
    await createUser(deps.database, { roles: ['secretariat'], name: 'Sacha Petit', email: 'sacha.petit@mines-ales.fr' }),
  ];
  const away = await createUser(deps.database, { roles: ['secretariat'], name: 'Parti', email: 'parti@mines-ales.fr' });
  await setUserDisabled(deps.database.db, away.id, true);
  const auth = { traveller: await bearerFor(deps.database, traveller), secretariat: await bearerFor(deps.database, secretaries[0]!) };
  const clock = movableClock('2026-11-27T10:00:00Z');
  const outbox = (missionId: string) =>
    select<OutboxRow>(deps.database, `select kind as "kind", recipient as "recipient", subject as "subject", body_text as "bodyText", body_html as "bodyHtml", status as "status",
      attempts as "attempts", next_attempt_at as "nextAttemptAt", last_error as "lastError" from notification_outbox where mission_id = ? order by created_at, kind, recipient`, missionId);
  async function submitted(): Promise<string> {
    const created = await request(app).post('/api/missions').set('Authorization', auth.traveller).send({ purpose: 'conference', budgetLineId, justification: 'Communication invitée au congrès annuel', trip: montrealTrip }).expect(201);
    await request(app).post(`/api/missions/${created.body.id}/submit`).set('Authorization', auth.traveller).send({}).expect(200);
    return created.body.id as string;
  }
  const logs: Array<{ entry: Record<string, unknown>; message: string }> = [];
  const dispatcher = (mailer: Mailer | null): DispatchDeps => ({ database: deps.database, clock, mailer, log: (entry, message) => logs.push({ entry, message }) });
  return { app, deps, auth, traveller, secretaries, away, clock, outbox, submitted, dispatcher, logs };
}

// A real SMTP peer on loopback and the service's mailer pointed at it, both closed after the test.
async function smtpPair(behaviour: Parameters<typeof startSmtpPeer>[0] = {}, timeouts?: Parameters<typeof smtpMailer>[2]) {
  const peer = await startSmtpPeer(behaviour);
  closers.push(peer.close);
  const mailer = smtpMailer(peer.url, 'Empreinte <empreinte@mines-ales.fr>', timeouts);
  closers.push(() => mailer.close());
  return { peer, mailer };
}

describe('notices written with their step', () => {
  it('a submission tells each active secretariat member, a return tells the traveller with the comment, each with a link to the mission', async () => {
    const w = await world();
    const id = await w.submitted();
    const afterSubmit = await w.outbox(id);
    expect(afterSubmit.map((n) => [n.kind, n.recipient, n.status, n.attempts])).toEqual([
      ['mission.submitted', 'dominique.roux@mines-ales.fr', 'pending', 0],
      ['mission.submitted', 'sacha.petit@mines-ales.fr', 'pending', 0],
    ]);
    expect(afterSubmit[0]!.subject).toBe('[Empreinte] Mission à valider / Mission to review');
    expect(afterSubmit[0]!.bodyText).toContain(`http://localhost:3000/missions/${id}`);
    expect(afterSubmit[0]!.bodyText).toMatch(/^Camille Martin a soumis une demande de mission : Montréal/m);
    expect(afterSubmit[0]!.bodyText).toContain('Camille Martin submitted a mission request');
    await request(w.app).post(`/api/missions/${id}/return`).set('Authorization', w.auth.secretariat).send({ comment: "Précisez l'hébergement <svp>" }).expect(200);
    const returned = (await w.outbox(id)).filter((n) => n.kind === 'mission.returned');
    expect(returned.map((n) => n.recipient)).toEqual(['camille.martin@mines-ales.fr']);
    expect(returned[0]!.bodyText).toContain("Commentaire : Précisez l'hébergement <svp>");
    // The HTML part escapes what people typed.
    expect(returned[0]!.bodyHtml).toContain('Précisez l&#39;hébergement &lt;svp&gt;');
    expect(returned[0]!.bodyHtml).toContain(`<a href="http://localhost:3000/missions/${id}">`);
  });

  it('a step refused writes no notice, and a validation tells the traveller once', async () => {
    const w = await world();
    const id = await w.submitted();
    await request(w.app).post(`/api/missions/${id}/submit`).set('Authorization', w.auth.traveller).send({}).expect(409);
    await request(w.app).post(`/api/missions/${id}/validate`).set('Authorization', w.auth.secretariat).send({}).expect(200);
    await request(w.app).post(`/api/missions/${id}/validate`).set('Authorization', w.auth.secretariat).send({}).expect(409);
    expect((await w.outbox(id)).map((n) => n.kind)).toEqual(['mission.submitted', 'mission.submitted', 'mission.validated']);
  });
});

describe('the dispatcher, against a real SMTP server on loopback', () => {
  it('sends each due notice once, and what was received is what the outbox holds', async () => {
    const w = await world();
    const { peer, mailer } = await smtpPair();
    const id = await w.submitted();
    // The step itself never spoke to the SMTP server: sending happens after it, in the dispatcher.
    expect(peer.connections()).toBe(0);
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 2, logged: 0, retried: 0, failed: 0 });
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 0, logged: 0, retried: 0, failed: 0 });
    expect(peer.received.map((m) => m.to).sort()).toEqual([['dominique.roux@mines-ales.fr'], ['sacha.petit@mines-ales.fr']]);
    const [first] = peer.received;
    expect(first!.subject).toBe('[Empreinte] Mission à valider / Mission to review');
    expect(first!.text).toContain(`Voir la mission : http://localhost:3000/missions/${id}`);
    expect(first!.html).toContain(`href="http://localhost:3000/missions/${id}"`);
    expect((await w.outbox(id)).map((n) => [n.status, n.attempts, n.lastError])).toEqual([['sent', 1, null], ['sent', 1, null]]);
  });

  it('a server that is down: the notice is kept with its attempt, retried after the back-off, and sent once it is back', async () => {
    const w = await world();
    const port = await freePort();
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'Empreinte <empreinte@mines-ales.fr>');
    closers.push(() => mailer.close());
    const id = await w.submitted();
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 0, logged: 0, retried: 2, failed: 0 });
    const kept = await w.outbox(id);
    expect(kept.map((n) => [n.status, n.attempts, n.nextAttemptAt])).toEqual([['pending', 1, '2026-11-27T10:01:00.000Z'], ['pending', 1, '2026-11-27T10:01:00.000Z']]);
    expect(kept[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: nothing is tried.
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 0, logged: 0, retried: 0, failed: 0 });
    const peer = await startSmtpPeer({ port });
    closers.push(peer.close);
    w.clock.advance({ minutes: 1 });
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 2, logged: 0, retried: 0, failed: 0 });
    expect(peer.received).toHaveLength(2);
    expect((await w.outbox(id)).map((n) => [n.status, n.attempts])).toEqual([['sent', 2], ['sent', 2]]);
  });

  it('a recipient the server refuses (550): failed for good with the reason, never tried again', async () => {
    const w = await world();
    const { peer, mailer } = await smtpPair({ refuseRecipient: true });
    const id = await w.submitted();
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 0, logged: 0, retried: 0, failed: 2 });
    const failed = await w.outbox(id);
    expect(failed.map((n) => [n.status, n.attempts])).toEqual([['failed', 1], ['failed', 1]]);
    expect(failed[0]!.lastError).toMatch(/^550 /);
    w.clock.advance({ days: 2 });
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 0, logged: 0, retried: 0, failed: 0 });
  });

  it('a server that stalls: the send gives up at its timeout and the notice waits for its next attempt', async () => {
    const w = await world();
    const { peer, mailer } = await smtpPair({ hang: true }, { connectionMs: 2_000, greetingMs: 2_000, socketMs: 300 });
    const id = await w.submitted();
    expect(await dispatchDue(w.dispatcher(mailer))).toEqual({ sent: 0, logged: 0, retried: 2, failed: 0 });
    expect((await w.outbox(id)).map((n) => [n.status, n.attempts])).toEqual([['pending', 1], ['pending', 1]]);
  });

  it('two dispatchers at once (two instances) send each notice once', async () => {
    const w = await world();
    const { peer, mailer } = await smtpPair();
    const ids = [await w.submitted(), await w.submitted(), await w.submitted()];
    const [a, b] = await Promise.all([dispatchDue(w.dispatcher(mailer)), dispatchDue(w.dispatcher(mailer))]);
    expect(a.sent + b.sent).toBe(6);
    expect(peer.received).toHaveLength(6);
    for (const id of ids) expect((await w.outbox(id)).map((n) => n.status)).toEqual(['sent', 'sent']);
  });

  it('no SMTP server configured: each notice is logged without its address and kept in the outbox', async () => {
    const w = await world();
    const id = await w.submitted();
    expect(await dispatchDue(w.dispatcher(null))).toEqual({ sent: 0, logged: 2, retried: 0, failed: 0 });
    expect((await w.outbox(id)).map((n) => n.status)).toEqual(['logged', 'logged']);
    expect(w.logs.map((l) => l.message)).toEqual(Array(2).fill('notification not sent: no SMTP server configured (EMPREINTE_SMTP_URL)'));
    expect(JSON.stringify(w.logs)).not.toContain('@');
  });
});

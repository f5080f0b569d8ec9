import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { claimWorld } from '../claims/support.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { select } from '../helpers/sql.ts';

installLedgerAuditor();

// The claim after the trip tells the same people: its submission to the secretariat, its
// certification (service fait) and its payment to the traveller, each with a link to the claim.
describe('notices of the claim', () => {
  it('submitted to the secretariat, certified and paid to the traveller, each with the link to the claim', async () => {
    const w = await claimWorld();
    const mission = await w.validatedMission();
    await w.submittedClaim(mission.id);
    await request(w.app).post(`${w.claimUrl(mission.id)}/certify`).set('Authorization', w.secretariat.auth).send({}).expect(200);
    await request(w.app).post(`${w.claimUrl(mission.id)}/pay`).set('Authorization', w.finance.auth).send({ paymentReference: 'MANDAT-2027-0042' }).expect(200);
    const notices = await select<{ kind: string; recipient: string; subject: string; bodyText: string }>(w.deps.database,
      `select kind as "kind", recipient as "recipient", subject as "subject", body_text as "bodyText" from notification_outbox where mission_id = ? and kind like 'claim.%' order by kind`, mission.id); // one pinned instant: ordered by kind
    expect(notices.map((n) => [n.kind, n.recipient])).toEqual([
      ['claim.certified', w.traveller.user.email],
      ['claim.paid', w.traveller.user.email],
      ['claim.submitted', w.secretariat.user.email],
    ]);
    expect(notices[0]!.subject).toBe('[Empreinte] Service fait certifié / Expense claim certified');
    expect(notices[1]!.bodyText).toMatch(/^Fanny Compta a enregistré le paiement de l'état de frais de votre mission/m);
    expect(notices[1]!.bodyText).toContain(`Voir l'état de frais : http://localhost:3000/missions/${mission.id}/claim`);
  });
});

import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { testApp } from '../helpers/app.ts';
import { createUser, signedInAgent } from '../helpers/auth.ts';
import { installLedgerAuditor, trackLedger } from '../helpers/ledger-auditor.ts';
import { contribution } from './fixture.ts';

installLedgerAuditor();

// The ledger router as wired in createApp, behind the real sign-in and CSRF protection.
describe('ledger routes in the application', () => {
  it('serves finance after sign-in and refuses others', async () => {
    const { app, deps } = testApp();
    trackLedger(deps.database);
    await bookMissionContribution(deps.database, contribution('m1', { amountCents: 2_500 }));
    await request(app).get('/api/ledger/balances').expect(401);

    const finance = await signedInAgent(app, await createUser(deps.database, { roles: ['finance'] }));
    const balances = (await finance.agent.get('/api/ledger/balances').expect(200)).body;
    expect(balances.accounts.map((a: { kind: string; balanceCents: number }) => [a.kind, a.balanceCents])).toEqual([
      ['budget_line', -2_500],
      ['envelope', 2_500],
    ]);
    const project = await finance.agent.post('/api/ledger/projects').set('X-CSRF-Token', finance.csrfToken).send({ name: 'Vélos', scope: 'internal' }).expect(201);
    await finance.agent
      .post('/api/ledger/disbursements')
      .set('X-CSRF-Token', finance.csrfToken)
      .send({ projectId: project.body.project.id, amountCents: 2_000, memo: 'flotte' })
      .expect(201);

    const staff = await signedInAgent(app, await createUser(deps.database, { roles: ['staff'] }));
    await staff.agent.get('/api/ledger/statement?account=envelope:school&from=2026-01-01&to=2026-12-31').expect(403);
  });
});

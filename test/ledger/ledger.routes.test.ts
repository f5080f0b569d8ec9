import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/auth/auth.types.ts';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { installLedgerAuditor } from '../helpers/ledger-auditor.ts';
import { contribution } from './fixture.ts';
import { ledgerApp } from './http.ts';

installLedgerAuditor();

// superagent hands a custom parser the raw response stream (typed loosely by @types/superagent).
const binary = (res: any, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function financeWithContribution(roles: Role[] = ['finance']) {
  const ctx = await ledgerApp(roles);
  await bookMissionContribution(ctx.database, contribution('m1', { at: '2026-02-10T09:00:00Z', amountCents: 12_345 }));
  return ctx;
}

const detailPaths = (res: request.Response): string[] => (res.body.error.details as Array<{ path: string }>).map((d) => d.path);

describe('GET /api/ledger/balances', () => {
  it('answers { accounts: [{ id, kind, name, balanceCents, … }] }', async () => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/balances').expect(200);
    expect(Object.keys(res.body)).toEqual(['accounts']);
    expect(res.body.accounts.map((a: Record<string, unknown>) => Object.keys(a).slice(0, 4))).toEqual([
      ['id', 'kind', 'name', 'balanceCents'],
      ['id', 'kind', 'name', 'balanceCents'],
    ]);
    expect(res.body.accounts.map((a: { kind: string; balanceCents: number }) => [a.kind, a.balanceCents])).toEqual([
      ['budget_line', -12_345],
      ['envelope', 12_345],
    ]);
    expect(res.body.accounts[0].id).toMatch(/^acc_/);
  });

  it('answers as of a date (Paris day, inclusive) or an instant', async () => {
    const { app } = await financeWithContribution();
    const envelope = async (asOf: string) => (await request(app).get('/api/ledger/balances').query({ asOf }).expect(200)).body.accounts[1].balanceCents;
    expect(await envelope('2026-02-09')).toBe(0);
    expect(await envelope('2026-02-10')).toBe(12_345);
    expect(await envelope('2026-02-10T08:59:59Z')).toBe(0);
    expect(await envelope('2026-02-10T10:00:00+01:00')).toBe(12_345);
  });

  it.each([['yesterday'], ['2026-02-30'], ['2026-13-01']])('refuses asOf=%s with a 400 naming asOf', async (asOf) => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/balances').query({ asOf }).expect(400);
    expect(detailPaths(res)).toEqual(['asOf']);
  });

  it('refuses an unknown parameter', async () => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/balances').query({ asof: '2026-01-01' }).expect(400);
    expect(res.body.error.code).toBe('validation.invalid');
  });

  it('exports balances as CSV', async () => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/balances').query({ asOf: '2026-12-31', format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=soldes_2026-12-31.csv');
    expect(res.text).toContain('Enveloppe;Enveloppe de compensation (école);envelope:school;;123,45;');
  });
});

describe('GET /api/ledger/statement', () => {
  const period = { account: 'envelope:school', from: '2026-01-01', to: '2026-12-31' };

  it('answers JSON with opening, lines, closing and totals', async () => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/statement').query(period).expect(200);
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-12-31', openingBalanceCents: 0, closingBalanceCents: 12_345, totals: { creditsCents: 12_345, debitsCents: 0, lines: 1 } });
    expect(res.body.lines[0]).toMatchObject({ date: '2026-02-10', amountCents: 12_345, balanceAfterCents: 12_345, causeKind: 'mission_contribution', counterpartyName: 'Ligne A' });
    expect(res.body.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves CSV and PDF as attachments carrying the content hash', async () => {
    const { app } = await financeWithContribution();
    const json = (await request(app).get('/api/ledger/statement').query(period)).body;
    const csv = await request(app).get('/api/ledger/statement').query({ ...period, format: 'csv' }).buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename=releve_envelope_school_2026-01-01_2026-12-31.csv');
    expect(csv.headers['x-content-sha256']).toBe(json.contentSha256);
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const pdf = await request(app).get('/api/ledger/statement').query({ ...period, format: 'pdf' }).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename=releve_envelope_school_2026-01-01_2026-12-31.pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each([
    [{ account: 'envelope:school', to: '2026-12-31' }, 'from'],
    [{ account: 'envelope:school', from: '2026-01-01', to: '31/12/2026' }, 'to'],
    [{ account: 'envelope:school', from: '2026-12-01', to: '2026-01-31' }, 'to'],
    [{ account: 'envelope:school', from: '2026-01-01', to: '2026-12-31', format: 'xls' }, 'format'],
    [{ from: '2026-01-01', to: '2026-12-31' }, 'account'],
  ])('refuses %o with a 400 naming %s', async (q, field) => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/statement').query(q).expect(400);
    expect(detailPaths(res)).toContain(field);
  });

  it('answers 404 for an unknown account', async () => {
    const { app } = await financeWithContribution();
    const res = await request(app).get('/api/ledger/statement').query({ ...period, account: 'acc_nope' }).expect(404);
    expect(res.body.error.code).toBe('ledger.account.not_found');
  });
});

describe('finance writes', () => {
  it('creates projects, disburses once per Idempotency-Key, refuses overdrafts, reverses once', async () => {
    const { app } = await financeWithContribution();
    const project = (await request(app).post('/api/ledger/projects').send({ name: 'Vélos de service', scope: 'internal', description: 'flotte' }).expect(201)).body.project;
    expect(project).toMatchObject({ id: expect.stringMatching(/^prj_/), scope: 'internal', balanceCents: 0, createdBy: 'usr_finance' });
    const dup = await request(app).post('/api/ledger/projects').send({ name: 'Vélos de service', scope: 'territory' }).expect(409);
    expect(dup.body.error.code).toBe('ledger.project.already_exists');

    const give = (amountCents: number, key?: string) => {
      const req = request(app).post('/api/ledger/disbursements');
      if (key) req.set('Idempotency-Key', key);
      return req.send({ projectId: project.id, amountCents, memo: 'achat de vélos' });
    };
    const first = (await give(10_000, 'k-1').expect(201)).body;
    const retry = (await give(10_000, 'k-1').expect(200)).body;
    expect(retry).toEqual({ ...first, created: false });
    // 12 345 − 10 000 = 2 345 left: 2 346 is one cent too many.
    const over = await give(2_346).expect(409);
    expect(over.body.error).toMatchObject({ code: 'ledger.insufficient_funds', details: [expect.objectContaining({ path: 'amountCents', availableCents: 2_345 })] });
    expect((await give(2_345, 'k-1').expect(409)).body.error.code).toBe('idempotency.conflict');

    const reversal = (await request(app).post(`/api/ledger/transfers/${first.transfer.id}/reverse`).send({ reason: 'mauvais projet' }).expect(201)).body;
    expect(reversal.transfer).toMatchObject({ reversesTransferId: first.transfer.id, causeKind: 'correction', amountCents: 10_000 });
    const again = (await request(app).post(`/api/ledger/transfers/${first.transfer.id}/reverse`).send({ reason: 'double clic' }).expect(200)).body;
    expect(again.transfer.id).toBe(reversal.transfer.id);

    const projects = (await request(app).get('/api/ledger/projects').expect(200)).body.projects;
    expect(projects.map((p: { name: string; balanceCents: number }) => [p.name, p.balanceCents])).toEqual([['Vélos de service', 0]]);
    expect((await request(app).get('/api/ledger/audit').expect(200)).body).toMatchObject({ ok: true, transfers: 3, problems: [] });
  });

  it.each([
    [{ amountCents: 10.5, memo: 'x' }, 'amountCents'],
    [{ amountCents: 0, memo: 'x' }, 'amountCents'],
    [{ amountCents: 100 }, 'memo'],
    [{ amountCents: 100, memo: 'x', extra: 1 }, 'extra'],
  ])('refuses disbursement body %o with a 400 naming %s', async (fields, field) => {
    const { app } = await financeWithContribution();
    const res = await request(app).post('/api/ledger/disbursements').send({ projectId: 'prj_x', ...fields }).expect(400);
    expect(detailPaths(res)).toContain(field);
  });

  it('refuses a malformed transfer id, an unknown one, and a missing reason', async () => {
    const { app } = await financeWithContribution();
    expect(detailPaths(await request(app).post('/api/ledger/transfers/nope/reverse').send({ reason: 'erreur' }).expect(400))).toEqual(['id']);
    expect((await request(app).post('/api/ledger/transfers/txf_nope/reverse').send({ reason: 'erreur' }).expect(404)).body.error.code).toBe('ledger.transfer.not_found');
    expect(detailPaths(await request(app).post('/api/ledger/transfers/txf_nope/reverse').send({}).expect(400))).toEqual(['reason']);
  });

  it('requires entityId for a disbursement when each entity has its envelope', async () => {
    const { app } = await ledgerApp(['finance'], { EMPREINTE_ENVELOPE_SCOPE: 'entity' });
    const res = await request(app).post('/api/ledger/disbursements').send({ projectId: 'prj_x', amountCents: 1, memo: 'x' }).expect(400);
    expect(detailPaths(res)).toEqual(['entityId']);
  });
});

describe('roles', () => {
  const reads: Array<[string, string]> = [
    ['get', '/api/ledger/balances'],
    ['get', '/api/ledger/statement?account=envelope:school&from=2026-01-01&to=2026-12-31'],
    ['get', '/api/ledger/projects'],
    ['get', '/api/ledger/audit'],
  ];
  const writes: Array<[string, string]> = [
    ['post', '/api/ledger/projects'],
    ['post', '/api/ledger/disbursements'],
    ['post', '/api/ledger/transfers/txf_x/reverse'],
  ];
  const call = (app: Awaited<ReturnType<typeof ledgerApp>>['app'], [method, url]: [string, string]) => (method === 'get' ? request(app).get(url) : request(app).post(url).send({}));

  it.each([...reads, ...writes])('%s %s: 403 for staff, 401 without sign-in', async (method, url) => {
    expect((await call((await ledgerApp(['staff'])).app, [method, url]).expect(403)).body.error.code).toBe('auth.forbidden');
    expect((await call((await ledgerApp(null)).app, [method, url]).expect(401)).body.error.code).toBe('auth.unauthenticated');
  });

  it.each(reads)('%s %s: readable by copil', async (method, url) => {
    await call((await financeWithContribution(['copil'])).app, [method, url]).expect(200);
  });

  it.each(writes)('%s %s: not writable by copil', async (method, url) => {
    await call((await ledgerApp(['copil'])).app, [method, url]).expect(403);
  });
});
